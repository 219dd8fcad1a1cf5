using Portal.Web.Features.Account;

namespace Portal.UnitTests.Account;

public class PortalUserTests
{
    [Fact]
    public void Demo_customer_claims_give_workspace_membership_and_no_support_role()
    {
        var principal = DemoIdentities.ToPrincipal(DemoIdentities.Find("ada")!, "workspaces", "Test");

        var user = PortalUser.FromPrincipal(principal, "workspaces");

        Assert.Equal("Ada Lovelace", user.Name);
        Assert.Equal(["ws-acme", "ws-acme-staging"], user.Workspaces);
        Assert.True(user.IsMemberOf("ws-acme"));
        Assert.False(user.IsMemberOf("ws-globex"));
        Assert.False(user.IsSupport);
    }

    [Fact]
    public void Support_role_claim_makes_a_support_user()
    {
        var user = PortalUser.FromPrincipal(DemoIdentities.ToPrincipal(DemoIdentities.Find("sam")!, "workspaces", "Test"), "workspaces");

        Assert.True(user.IsSupport);
        Assert.False(user.IsCustomer);
    }

    [Fact]
    public void Workspaces_in_one_separated_claim_are_split()
    {
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("oid", "u1"), new("extension_ws", "ws-b, ws-a")], "Test"));

        var user = PortalUser.FromPrincipal(principal, "extension_ws");

        Assert.Equal(["ws-a", "ws-b"], user.Workspaces);
    }

    [Fact]
    public void An_anonymous_principal_belongs_to_nothing()
    {
        var user = PortalUser.FromPrincipal(new System.Security.Claims.ClaimsPrincipal(), "workspaces");

        Assert.False(user.IsAuthenticated);
        Assert.False(user.IsMemberOf(null));
    }

    [Theory]
    [InlineData("ws-acme-staging", "ws-acme-staging")]
    [InlineData("ws-globex", "ws-acme")] // not a member: falls back to the first own workspace
    [InlineData(null, "ws-acme")]
    public void Session_uses_the_requested_workspace_only_when_the_user_belongs_to_it(string? requested, string expected)
    {
        var user = PortalUser.FromPrincipal(DemoIdentities.ToPrincipal(DemoIdentities.Find("ada")!, "workspaces", "Test"), "workspaces");

        Assert.Equal(expected, PortalSession.For(user, requested).WorkspaceId);
    }

    [Theory]
    [InlineData("/connections", "/connections")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData(null, "/")]
    public void Return_urls_stay_on_this_site(string? returnUrl, string expected) =>
        Assert.Equal(expected, AccountEndpoints.SafeReturnUrl(returnUrl));
}
