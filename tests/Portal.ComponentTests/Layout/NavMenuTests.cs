using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.ComponentTests.Infrastructure;
using Portal.Web.Components.Layout;
using Portal.Web.Features.Account;

namespace Portal.ComponentTests.Layout;

public sealed class NavMenuTests : MudTestContext
{
    private static PortalUser Customer => new("u1", "Ada", null, ["ws-acme"], IsSupport: false);
    private static PortalUser Support => new("u2", "Sam", null, [], IsSupport: true);

    [Fact]
    public void A_customer_sees_connections_and_egress_ips_and_no_admin_links()
    {
        var menu = Render<NavMenu>(p => p.Add(m => m.User, Customer));

        Assert.NotEmpty(menu.FindAll("[data-testid=nav-connections]"));
        Assert.NotEmpty(menu.FindAll("[data-testid=nav-egress]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-admin]"));
    }

    [Fact]
    public void A_support_user_sees_the_admin_links_only()
    {
        var menu = Render<NavMenu>(p => p.Add(m => m.User, Support));

        Assert.NotEmpty(menu.FindAll("[data-testid=nav-admin]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-connections]"));
    }

    [Fact]
    public void Without_a_user_only_home_is_offered()
    {
        var menu = Render<NavMenu>();

        Assert.Single(menu.FindAll("a"));
    }

    [Fact]
    public void The_link_of_the_current_section_is_marked_as_the_current_page()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/connections/3f2c1d9e-0000-0000-0000-000000000001");

        var menu = Render<NavMenu>(p => p.Add(m => m.User, Customer));

        Assert.Equal(["Connections"], menu.FindAll("a[aria-current=page]").Select(a => a.TextContent.Trim()));
    }
}
