using System.Security.Claims;

namespace Portal.Web.Features.Account;

/// <summary>The identities the development sign-in offers. They carry the same claims Entra ID would.</summary>
public static class DemoIdentities
{
    public sealed record DemoIdentity(string Key, string Name, string Email, string Description, IReadOnlyList<string> Workspaces, bool IsSupport);

    public static readonly IReadOnlyList<DemoIdentity> All =
    [
        new("ada", "Ada Lovelace", "ada@acme.example", "Customer, member of Acme Analytics and Acme Staging", ["ws-acme", "ws-acme-staging"], false),
        new("grace", "Grace Hopper", "grace@globex.example", "Customer, member of Globex Retail", ["ws-globex"], false),
        new("sam", "Sam Support", "sam@support.example", "Support staff (Support role)", [], true),
    ];

    public static DemoIdentity? Find(string? key) => All.FirstOrDefault(i => i.Key == key);

    public static ClaimsPrincipal ToPrincipal(DemoIdentity identity, string workspaceClaimType, string authenticationType)
    {
        List<Claim> claims =
        [
            new(PortalUser.ObjectIdClaimType, $"demo-{identity.Key}"),
            new(PortalUser.NameClaimType, identity.Name),
            new("preferred_username", identity.Email),
        ];
        claims.AddRange(identity.Workspaces.Select(w => new Claim(workspaceClaimType, w)));
        if (identity.IsSupport)
        {
            claims.Add(new Claim(PortalUser.RoleClaimType, PortalUser.SupportRole));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, PortalUser.NameClaimType, PortalUser.RoleClaimType));
    }
}
