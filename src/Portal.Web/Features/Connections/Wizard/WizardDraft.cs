using System.Text.Json;
using Portal.Web.Features.Account;

namespace Portal.Web.Features.Connections.Wizard;

/// <summary>
/// What the customer typed into the wizard, kept in the tab's sessionStorage (per user and workspace) so that a sign-in in
/// between (an expired session) or a reload does not lose it. Only the typed input: every check runs again on restore.
/// </summary>
public sealed record WizardDraft(string Region, string ServiceName)
{
    public static string StorageKey(WorkspaceAccess workspace) => $"portal.wizard-draft:{workspace.User.Id}:{workspace.WorkspaceId}";

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    /// <summary>The stored draft, or null when there is none or it is not one (the browser's storage is user input).</summary>
    public static WizardDraft? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<WizardDraft>(json, JsonSerializerOptions.Web) is { Region: not null, ServiceName: not null } draft
                && draft.ServiceName.Length <= 512 ? draft : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
