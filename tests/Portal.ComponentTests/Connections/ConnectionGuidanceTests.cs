using Bunit;
using Portal.ComponentTests.Infrastructure;
using Portal.Tests.Shared;
using Portal.Web.Features.Connections;
using Portal.Web.Provisioning;

namespace Portal.ComponentTests.Connections;

public sealed class ConnectionGuidanceTests : MudTestContext
{
    public ConnectionGuidanceTests() => Render<MudBlazor.MudPopoverProvider>();

    private const string ServiceName = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0";

    private static Connection ConnectionIn(ConnectionStatus status, string? privateDnsName = null) =>
        ConnectionSeeds.InStatus(status, serviceName: ServiceName, privateDnsName: privateDnsName);

    [Fact]
    public void Pending_acceptance_gives_the_prefilled_accept_command_and_the_time_left()
    {
        var guidance = Render<ConnectionGuidance>(p => p.Add(g => g.Connection, ConnectionIn(ConnectionStatus.PendingAcceptance)).Add(g => g.AcceptanceTimeRemaining, TimeSpan.FromHours(30)));

        var command = guidance.Find("[data-testid=accept-command]").TextContent;
        Assert.Contains("--service-id vpce-svc-0123456789abcdef0", command);
        Assert.Contains("--vpc-endpoint-ids vpce-0aaaabbbbccccdddd", command);
        Assert.Contains("--region eu-west-1", command);
        Assert.Contains("Expires in 1 d 6 h", guidance.Find("[data-testid=acceptance-countdown]").TextContent);
    }

    [Fact]
    public void Available_offers_the_dns_name_to_copy_and_points_to_the_listener_port()
    {
        var guidance = Render<ConnectionGuidance>(p => p.Add(g => g.Connection, ConnectionIn(ConnectionStatus.Available)));

        Assert.Contains("vpce-0aaaabbbbccccdddd-x.vpce-svc", guidance.Find("[data-testid=primary-dns]").TextContent);
        Assert.NotNull(guidance.Find("[data-testid=primary-dns-copy]"));
        Assert.Contains("listener port", guidance.Markup);
    }

    [Fact]
    public void The_service_private_dns_name_is_preferred_when_it_has_one()
    {
        var connection = ConnectionIn(ConnectionStatus.Available, privateDnsName: "db.internal.example.com");

        var guidance = Render<ConnectionGuidance>(p => p.Add(g => g.Connection, connection));

        Assert.Contains("db.internal.example.com", guidance.Find("[data-testid=primary-dns]").TextContent);
    }

    [Fact]
    public void Failed_shows_the_reason_in_words()
    {
        var connection = ConnectionIn(ConnectionStatus.Creating);
        connection.Fail(new ProvisioningFailure(ProvisioningFailureKind.Permanent, "Your service and our endpoint share no availability zone.",
            "InvalidParameter: secret detail for support"), DateTimeOffset.UtcNow);

        var guidance = Render<ConnectionGuidance>(p => p.Add(g => g.Connection, connection));

        Assert.Contains("share no availability zone", guidance.Find("[data-testid=failure-reason]").TextContent);
        Assert.DoesNotContain("secret detail", guidance.Markup);
    }

    [Fact]
    public void Retrying_creation_says_why_and_that_nothing_is_needed()
    {
        var connection = ConnectionIn(ConnectionStatus.Creating);
        var throttled = new ProvisioningFailure(ProvisioningFailureKind.Transient, "AWS is limiting how fast we can call it.");
        connection.ScheduleRetry(throttled, TimeSpan.FromSeconds(2), DateTimeOffset.UtcNow);
        connection.StartAttempt(DateTimeOffset.UtcNow);
        connection.ScheduleRetry(throttled, TimeSpan.FromSeconds(4), DateTimeOffset.UtcNow);

        var guidance = Render<ConnectionGuidance>(p => p.Add(g => g.Connection, connection));

        Assert.Contains("AWS is limiting how fast we can call it. (attempt 2)", guidance.Find("[data-testid=retrying]").TextContent);
    }

    [Theory]
    [InlineData(ConnectionStatus.Rejected, "cannot accept a rejected endpoint again")]
    [InlineData(ConnectionStatus.Expired, "create it again")]
    [InlineData(ConnectionStatus.Pending, "usually takes a few minutes")]
    [InlineData(ConnectionStatus.Unknown, "do not recognise")]
    public void Each_status_has_its_guidance(ConnectionStatus status, string expected)
    {
        var guidance = Render<ConnectionGuidance>(p => p.Add(g => g.Connection, ConnectionIn(status)));

        Assert.Contains(expected, guidance.Find("[data-testid=guidance]").TextContent);
    }
}
