namespace Portal.Web.Components.Shared;

public static class ThemePreference
{
    public const string Cookie = "portal.theme";
    public const string Dark = "dark";
    public const string Light = "light";
}
