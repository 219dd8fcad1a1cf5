using MudBlazor;
using MudBlazor.Services;

namespace Portal.Web.Components;

public static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.PreventDuplicates = true;
            options.SnackbarConfiguration.VisibleStateDuration = 4000;
            // MudBlazor shows snackbars at 95% opacity: the page showing through lowers the contrast of their text below 4.5.
            options.SnackbarConfiguration.MaximumOpacity = 100;
        });
        return services;
    }
}
