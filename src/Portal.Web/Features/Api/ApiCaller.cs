using Portal.Web.Features.Account;

namespace Portal.Web.Features.Api;

/// <summary>The caller of an API request as the portal's rules see them: the same <see cref="PortalUser"/> the pages build.</summary>
internal static class ApiCaller
{
    public static PortalUser From(HttpContext http, PortalIdentityOptions identity) =>
        PortalUser.FromPrincipal(http.User, identity.WorkspaceClaimType) with { ClientAddress = http.Connection.RemoteIpAddress?.ToString() };
}
