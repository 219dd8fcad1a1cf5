using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Services;

namespace Portal.Web.Components.Shared;

/// <summary>
/// The portal's MudBlazor theme as one stylesheet: the light palette's variables on <c>:root</c> and the dark palette's on
/// <c>:root.portal-dark</c>. Rendered once per process from <see cref="PortalTheme"/> by MudBlazor's own
/// <see cref="MudThemeProvider"/>, instead of a theme provider in every circuit holding and re-rendering about 12,000
/// characters of CSS for each open page. The theme toggle only switches the class on the page's root element.
/// </summary>
public sealed partial class ThemeStylesheet
{
    public const string Path = "/theme.css";
    public const string DarkClass = "portal-dark";

    private ThemeStylesheet(string css)
    {
        Css = css;
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12];
    }

    public string Css { get; }

    /// <summary>Changes with the CSS, so the link can be cached for good.</summary>
    public string Version { get; }

    public string Href => $"{Path}?v={Version}";

    /// <summary>
    /// Renders with a container of its own (MudBlazor's services only): it runs inside the app container's singleton
    /// factory, where resolving from the app's container on another thread would wait for that factory forever.
    /// </summary>
    public static ThemeStylesheet Render() => Task.Run(RenderAsync).GetAwaiter().GetResult();

    private static async Task<ThemeStylesheet> RenderAsync()
    {
        await using var services = new ServiceCollection().AddLogging().AddMudServices()
            .AddSingleton<IJSRuntime, NoJavaScript>()
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var light = await RenderProviderAsync(renderer, darkMode: false);
        var dark = await RenderProviderAsync(renderer, darkMode: true);

        // The light rendering brings the rules that do not depend on the palette (scrollbars, charts) and the light
        // variables; from the dark one only its variables are taken, scoped to the dark class.
        var css = new StringBuilder();
        foreach (Match style in StyleBlock().Matches(light))
        {
            css.AppendLine(style.Groups["css"].Value.Trim());
        }
        var darkVariables = ThemeBlock().Match(dark).Groups["css"].Value.Trim();
        if (!darkVariables.StartsWith(":root", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("MudBlazor's theme CSS no longer starts with :root; ThemeStylesheet needs updating.");
        }
        css.AppendLine($":root.{DarkClass}{darkVariables[":root".Length..]}");
        return new ThemeStylesheet(css.ToString());
    }

    private static Task<string> RenderProviderAsync(HtmlRenderer renderer, bool darkMode) =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = PortalTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = darkMode,
            });
            return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        });

    // The theme provider asks for a JS runtime: it watches the system's dark mode once rendered in a browser and stops
    // watching when disposed. Neither has anything to do here, so calls do nothing.
    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult<TValue>(default!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }

    [GeneratedRegex(@"<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex(@"<style class='mud-theme-provider'>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex ThemeBlock();
}
