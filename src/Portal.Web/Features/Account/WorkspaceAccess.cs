namespace Portal.Web.Features.Account;

/// <summary>
/// Proof that a signed-in user belongs to a workspace: membership is checked once, here, and every customer-facing
/// service takes this instead of a user and a workspace id, so a forged workspace id never reaches a query.
/// </summary>
public sealed class WorkspaceAccess
{
    private WorkspaceAccess(PortalUser user, string workspaceId) => (User, WorkspaceId) = (user, workspaceId);

    public PortalUser User { get; }
    public string WorkspaceId { get; }

    /// <summary>Access to the workspace if the user is a member of it, else null.</summary>
    public static WorkspaceAccess? Grant(PortalUser user, string? workspaceId) =>
        workspaceId is not null && user.IsMemberOf(workspaceId) ? new(user, workspaceId) : null;
}
