using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Portal.Web.Components.Shared;

/// <summary>
/// A Material icon (MudBlazor's <c>Icons.Material.*</c> paths) as plain markup. In places that never change, such as the
/// layout, this costs no component: every <c>MudIcon</c> is a component that each open circuit keeps with its render trees.
/// The markup of each icon and size is built once per process and shared by every circuit's render tree.
/// </summary>
public static class SvgIcon
{
    private static readonly ConcurrentDictionary<(string Icon, string Size, string? Classes), string> Markup = new();

    /// <param name="classes">More classes for the svg element, e.g. a colour (<c>mud-success-text</c>).</param>
    public static RenderFragment Of(string icon, string size = "medium", string? classes = null)
    {
        var markup = Markup.GetOrAdd((icon, size, classes), key =>
            $"""<svg class="mud-icon-root mud-svg-icon mud-icon-size-{key.Size}{(key.Classes is null ? "" : " " + key.Classes)}" focusable="false" viewBox="0 0 24 24" aria-hidden="true">{key.Icon}</svg>""");
        return builder => builder.AddMarkupContent(0, markup);
    }
}
