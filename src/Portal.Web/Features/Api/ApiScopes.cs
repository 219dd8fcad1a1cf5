namespace Portal.Web.Features.Api;

/// <summary>
/// The delegated scopes the API checks in the token's <c>scp</c> (Entra ID) or <c>scope</c> (other OpenID Connect
/// providers) claim. <see cref="Manage"/> includes reading.
/// </summary>
public static class ApiScopes
{
    public const string Read = "connections.read";
    public const string Manage = "connections.manage";
}
