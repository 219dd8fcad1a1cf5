namespace Portal.Web.Components.Shared;

/// <summary>Preferences read from cookies on the first request and handed to the interactive app.</summary>
public sealed record StartupPreferences(string? WorkspaceId, bool DarkMode, string? ClientAddress);
