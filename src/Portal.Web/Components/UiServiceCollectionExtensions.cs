using MudBlazor;
using MudBlazor.Services;
using Portal.Web.Components.Shared;

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
        services.AddSingleton(_ => ThemeStylesheet.Render());
        return services;
    }

    /// <summary>Serves the theme's stylesheet (rendered here, at start-up, so no page waits for it).</summary>
    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder endpoints)
    {
        var stylesheet = endpoints.ServiceProvider.GetRequiredService<ThemeStylesheet>();
        endpoints.MapGet(ThemeStylesheet.Path, (HttpContext http) =>
            {
                // The link carries the CSS's hash: that URL never changes content, so browsers keep it.
                http.Response.Headers.CacheControl = http.Request.Query["v"] == stylesheet.Version
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                return Results.Text(stylesheet.Css, "text/css; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }
}
