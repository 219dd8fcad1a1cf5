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
            // MudBlazor's default red (#f44336) has a contrast of 3.7 with white text and 3.5 with the page: too little.
            Error = "#b91c1c",
        },
        PaletteDark = new PaletteDark
        {
            // Light colours on a dark page: text on them is dark (the default white on #a5b4fc has a contrast of 2:1).
            Primary = "#a5b4fc",
            PrimaryContrastText = "#0f1020",
            Secondary = "#94a3b8",
            SecondaryContrastText = "#0f1020",
            Tertiary = "#67e8f9",
            TertiaryContrastText = "#0f1020",
            AppbarBackground = "#111028",
            Background = "#0f1020",
            Surface = "#181a2e",
            DrawerBackground = "#14152a",
            Success = "#4ade80",
            SuccessContrastText = "#0f1020",
            Warning = "#fbbf24",
            WarningContrastText = "#0f1020",
            Info = "#38bdf8",
            InfoContrastText = "#0f1020",
            Error = "#f87171",
            ErrorContrastText = "#0f1020",
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
