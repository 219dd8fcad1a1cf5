using Microsoft.AspNetCore.Components;

namespace Portal.Web.Components.Shared;

/// <summary>
/// A Material icon (MudBlazor's <c>Icons.Material.*</c> paths) as plain markup. In places that never change, such as the
/// layout, this costs no component: every <c>MudIcon</c> is a component that each open circuit keeps with its render trees.
/// </summary>
public static class SvgIcon
{
    public static RenderFragment Of(string icon, string size = "medium") => builder =>
        builder.AddMarkupContent(0,
            $"""<svg class="mud-icon-root mud-svg-icon mud-icon-size-{size}" focusable="false" viewBox="0 0 24 24" aria-hidden="true">{icon}</svg>""");
}
