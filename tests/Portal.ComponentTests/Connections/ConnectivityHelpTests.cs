using Bunit;
using Portal.ComponentTests.Infrastructure;
using Portal.Tests.Shared;
using Portal.Web.Features.Connections;

namespace Portal.ComponentTests.Connections;

public sealed class ConnectivityHelpTests : MudTestContext
{
    private const string ServiceName = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0";
    private const string RegionalName = "vpce-0aaaabbbbccccdddd-x.vpce-svc-0123456789abcdef0.eu-west-1.vpce.amazonaws.com";

    public ConnectivityHelpTests() => Render<MudBlazor.MudPopoverProvider>();

    private IRenderedComponent<ConnectivityHelp> HelpFor(ConnectionStatus status, string? privateDnsName = null) =>
        Render<ConnectivityHelp>(p => p.Add(h => h.Connection, ConnectionSeeds.InStatus(status, serviceName: ServiceName, privateDnsName: privateDnsName)));

    [Fact]
    public void Available_gives_the_host_to_copy_and_says_the_port_is_the_load_balancers_listener_port()
    {
        var help = HelpFor(ConnectionStatus.Available);

        Assert.Equal(RegionalName, help.Find("[data-testid=connector-host] code").TextContent);
        Assert.NotNull(help.Find("[data-testid=connector-host-copy]"));
        var portNote = help.Find("[data-testid=connector-port-note]").TextContent;
        Assert.Contains("listener on your Network Load Balancer", portNote);
        Assert.Contains("does not know this port", portNote);
        Assert.Empty(help.FindAll("[data-testid=connector-address]"));
    }

    [Fact]
    public void Available_with_a_private_dns_name_offers_that_name_as_the_host()
    {
        var help = HelpFor(ConnectionStatus.Available, privateDnsName: "db.internal.example.com");

        Assert.Equal("db.internal.example.com", help.Find("[data-testid=connector-host] code").TextContent);
    }

    [Fact]
    public void The_port_the_customer_notes_makes_a_host_and_port_string_to_copy()
    {
        var help = HelpFor(ConnectionStatus.Available);

        help.Find("input[data-testid=connector-port]").Input("5432");

        help.WaitForAssertion(() => Assert.Equal($"{RegionalName}:5432", help.Find("[data-testid=connector-address] code").TextContent));
        Assert.NotNull(help.Find("[data-testid=connector-address-copy]"));
    }

    [Fact]
    public void Available_lists_what_to_check_for_each_common_symptom()
    {
        var help = HelpFor(ConnectionStatus.Available);

        var symptoms = help.FindAll("[data-testid^=symptom-]").Select(e => e.GetAttribute("data-testid")).ToList();
        Assert.Equal(["symptom-timeout", "symptom-refused", "symptom-dns", "symptom-tls", "symptom-stopped"], symptoms);
        Assert.Contains("It times out", help.Find("[data-testid=symptom-timeout]").TextContent);
    }

    [Fact]
    public void Opening_the_timeout_symptom_names_listener_target_health_security_group_and_port()
    {
        var help = HelpFor(ConnectionStatus.Available);

        help.Find("[data-testid=symptom-timeout] .mud-expand-panel-header").Click();

        var text = help.Find("[data-testid=symptom-timeout]").TextContent;
        Assert.Contains("listener on the port", text);
        Assert.Contains("healthy", text);
        Assert.Contains("security group of your targets", text);
        Assert.Contains("VPC's CIDR", text);
    }

    [Theory]
    [InlineData(ConnectionStatus.Requested, "Not reachable yet")]
    [InlineData(ConnectionStatus.Creating, "Not reachable yet")]
    [InlineData(ConnectionStatus.PendingAcceptance, "no traffic until you accept it")]
    [InlineData(ConnectionStatus.Pending, "may time out")]
    [InlineData(ConnectionStatus.Rejected, "carries no traffic")]
    [InlineData(ConnectionStatus.Failed, "carries no traffic")]
    [InlineData(ConnectionStatus.Expired, "carries no traffic")]
    [InlineData(ConnectionStatus.Deleting, "no longer resolve")]
    [InlineData(ConnectionStatus.Deleted, "no longer resolve")]
    [InlineData(ConnectionStatus.Unknown, "state the portal does not know")]
    public void Every_other_status_says_whether_a_connector_can_connect_yet_and_shows_no_settings(ConnectionStatus status, string expected)
    {
        var help = HelpFor(status);

        Assert.Equal(status.ToString(), help.Find("[data-testid=connectivity-help]").GetAttribute("data-status"));
        Assert.Contains(expected, help.Find("[data-testid=connectivity-summary]").TextContent);
        Assert.Empty(help.FindAll("[data-testid=connector-host]"));
        Assert.Empty(help.FindAll("[data-testid=troubleshooting]"));
    }
}
