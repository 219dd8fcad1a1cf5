using Microsoft.AspNetCore.Components;

namespace Portal.Web.Features.Account;

/// <summary>
/// The session as a page sees it: the signed-in user (from the authentication state), the workspace they chose (a cookie)
/// and the address they connect from. A page's circuit has no HTTP request of its own, so the cookie and the address are
/// read from the request that prerenders the page (<see cref="ReadRequest"/>, called by App) and carried into the
/// circuit as persisted state (registered with <c>RegisterPersistentService</c>).
/// </summary>
public sealed class PageSession(CurrentUser currentUser)
{
    [PersistentState] public string? WorkspaceId { get; set; }
    [PersistentState] public string? ClientAddress { get; set; }

    public void ReadRequest(HttpContext context)
    {
        WorkspaceId = context.Request.Cookies[PortalSession.WorkspaceCookie];
        // For the audit trail; behind a proxy set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so this is the client's address.
        ClientAddress = context.Connection.RemoteIpAddress?.ToString();
    }

    /// <summary>Null when nobody is signed in; membership of the chosen workspace is checked by <see cref="PortalSession.For"/>.</summary>
    public async Task<PortalSession?> GetAsync()
    {
        var user = await currentUser.GetAsync();
        return user.IsAuthenticated ? PortalSession.For(user with { ClientAddress = ClientAddress }, WorkspaceId) : null;
    }
}
