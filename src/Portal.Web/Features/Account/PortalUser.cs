using System.Security.Claims;

namespace Portal.Web.Features.Account;

/// <summary>The signed-in person as the portal's rules see them, built only from server-side claims.</summary>
public sealed record PortalUser(string Id, string Name, string? Email, IReadOnlyList<string> Workspaces, bool IsSupport)
{
    public const string SupportRole = "Support";
    public const string RoleClaimType = "roles";
    public const string NameClaimType = "name";
    public const string ObjectIdClaimType = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public static readonly PortalUser Anonymous = new("", "", null, [], false);

    /// <summary>Where the user connects from, recorded with their audited actions; null when unknown.</summary>
    public string? ClientAddress { get; init; }

    public bool IsAuthenticated => Id.Length > 0;
    public bool IsCustomer => Workspaces.Count > 0;

    /// <summary>Whether this user may see and change the workspace's connections.</summary>
    public bool IsMemberOf(string? workspaceId) =>
        workspaceId is not null && Workspaces.Contains(workspaceId, StringComparer.Ordinal);

    public static PortalUser FromPrincipal(ClaimsPrincipal principal, string workspaceClaimType)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var id = principal.FindFirst(ObjectIdClaimType)?.Value
            ?? principal.FindFirst("oid")?.Value
            ?? principal.FindFirst("sub")?.Value
            ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? principal.FindFirst("sub")?.Value
            ?? principal.Identity.Name
            ?? "unknown";
        var name = principal.FindFirst(NameClaimType)?.Value ?? principal.Identity.Name ?? id;
        var email = principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst("email")?.Value ?? principal.FindFirst(ClaimTypes.Email)?.Value;
        // Workspaces may come as one claim per workspace or as one space/comma separated claim.
        var workspaces = principal.FindAll(workspaceClaimType)
            .SelectMany(c => c.Value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new PortalUser(id, name, email, workspaces, HasSupportRole(principal));
    }

    /// <summary>
    /// The Support app role, wherever the sign-in put it: the token's <c>roles</c> claim, the mapped role claim, or the
    /// identity's own role claim type. The Support policy and the UI both ask this, so they never disagree.
    /// </summary>
    public static bool HasSupportRole(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && (principal.IsInRole(SupportRole)
            || principal.HasClaim(RoleClaimType, SupportRole)
            || principal.HasClaim(ClaimTypes.Role, SupportRole));
}
