using Bunit;
using Portal.ComponentTests.Infrastructure;
using Portal.Web.Features.Connections;

namespace Portal.ComponentTests.Connections;

public sealed class ConnectionGuidanceTests : MudTestContext
{
    public ConnectionGuidanceTests() => Render<MudBlazor.MudPopoverProvider>();

    private static Connection ConnectionIn(ConnectionStatus status) => new()
    {
        Id = Guid.NewGuid(),
        WorkspaceId = "ws-acme",
        Region = "eu-west-1",
        ServiceName = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
        ClientToken = "t",
        CreatedById = "ada",
        CreatedByName = "Ada",
        Status = status,
        EndpointId = "vpce-0aaaabbbbccccdddd",
        DnsNames = ["vpce-0aaaabbbbccccdddd-x.vpce-svc-0123456789abcdef0.eu-west-1.vpce.amazonaws.com"],
    };

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
    public void Available_offers_the_dns_name_to_copy_and_the_no_traffic_hint()
    {
        var guidance = Render<ConnectionGuidance>(p => p.Add(g => g.Connection, ConnectionIn(ConnectionStatus.Available)));

        Assert.Contains("vpce-0aaaabbbbccccdddd-x.vpce-svc", guidance.Find("[data-testid=primary-dns]").TextContent);
        Assert.NotNull(guidance.Find("[data-testid=primary-dns-copy]"));
        Assert.Contains("target group", guidance.Markup);
    }

    [Fact]
    public void The_service_private_dns_name_is_preferred_when_it_has_one()
    {
        var connection = ConnectionIn(ConnectionStatus.Available);
        connection.PrivateDnsName = "db.internal.example.com";

        var guidance = Render<ConnectionGuidance>(p => p.Add(g => g.Connection, connection));

        Assert.Contains("db.internal.example.com", guidance.Find("[data-testid=primary-dns]").TextContent);
    }

    [Fact]
    public void Failed_shows_the_reason_in_words()
    {
        var connection = ConnectionIn(ConnectionStatus.Failed);
        connection.FailureReason = "Your service and our endpoint share no availability zone.";
        connection.LastAwsError = "InvalidParameter: secret detail for support";

        var guidance = Render<ConnectionGuidance>(p => p.Add(g => g.Connection, connection));

        Assert.Contains("share no availability zone", guidance.Find("[data-testid=failure-reason]").TextContent);
        Assert.DoesNotContain("secret detail", guidance.Markup);
    }

    [Fact]
    public void Retrying_creation_says_why_and_that_nothing_is_needed()
    {
        var connection = ConnectionIn(ConnectionStatus.Creating);
        connection.PendingOperation = ConnectionOperation.Create;
        connection.RetryReason = "AWS is limiting how fast we can call it.";
        connection.Attempts = 2;

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
