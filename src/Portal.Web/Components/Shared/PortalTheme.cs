using MudBlazor;

namespace Portal.Web.Components.Shared;

public static class PortalTheme
{
    // System fonts only: the portal never depends on a font CDN.
    private static readonly string[] FontStack = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4338ca",
            Secondary = "#475569",
            Tertiary = "#0e7490",
            AppbarBackground = "#1e1b4b",
            AppbarText = "#ffffff",
            Background = "#f6f7fb",
            DrawerBackground = "#ffffff",
            Success = "#15803d",
            Warning = "#b45309",
            Info = "#0369a1",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a5b4fc",
            Secondary = "#94a3b8",
            Tertiary = "#67e8f9",
            AppbarBackground = "#111028",
            Background = "#0f1020",
            Surface = "#181a2e",
            DrawerBackground = "#14152a",
            Success = "#4ade80",
            Warning = "#fbbf24",
            Info = "#38bdf8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack },
            H2 = new H2Typography { FontFamily = FontStack },
            H3 = new H3Typography { FontFamily = FontStack },
            H4 = new H4Typography { FontFamily = FontStack, FontSize = "1.9rem", FontWeight = "600" },
            H5 = new H5Typography { FontFamily = FontStack, FontWeight = "600" },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
