namespace Portal.Web.Features.Account;

/// <summary>What every page of a signed-in user needs: who they are and which of their workspaces they are looking at.</summary>
public sealed record PortalSession(PortalUser User, WorkspaceAccess? Workspace)
{
    public const string WorkspaceCookie = "portal.workspace";

    public string? WorkspaceId => Workspace?.WorkspaceId;

    /// <summary>The requested workspace if the user belongs to it, else their first one.</summary>
    public static PortalSession For(PortalUser user, string? requestedWorkspace) =>
        new(user, WorkspaceAccess.Grant(user, user.IsMemberOf(requestedWorkspace) ? requestedWorkspace : user.Workspaces.FirstOrDefault()));
}
