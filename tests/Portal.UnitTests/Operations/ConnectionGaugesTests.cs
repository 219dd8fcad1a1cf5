using Microsoft.Extensions.Logging.Abstractions;
using Portal.UnitTests.Connections;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.Lifecycle;
using Portal.Web.Hosting.Telemetry;
using static Portal.UnitTests.Connections.ProvisioningHarness;

namespace Portal.UnitTests.Operations;

public sealed class ConnectionGaugesTests
{
    [Fact]
    public async Task Connections_by_status_and_the_queue_are_read_from_the_database_at_most_every_15_seconds()
    {
        await using var harness = await CreateAsync();
        var meters = TestMeters.NewFactory();
        using var recorder = new TestMeters.Recorder<int>(meters);
        var worker = harness.NewWorker();
        _ = new ConnectionGauges(meters, harness.DbFactory, worker, harness.Clock, NullLogger<ConnectionGauges>.Instance);
        await harness.CreateConnectionAsync(serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-00000000000000001");
        await harness.CreateConnectionAsync(serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-00000000000000002");

        recorder.Observe();
        Assert.Equal(2, recorder.Last("portal.connections", "status", nameof(ConnectionStatus.Requested)));
        Assert.Equal(0, recorder.Last("portal.connections", "status", nameof(ConnectionStatus.Available)));
        Assert.Equal(2, recorder.Last("portal.provisioning.queue_length"));

        await worker.RunOnceAsync(CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromSeconds(14));
        recorder.Observe();
        Assert.Equal(2, recorder.Last("portal.connections", "status", nameof(ConnectionStatus.Requested)));

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        recorder.Observe();
        Assert.Equal(0, recorder.Last("portal.connections", "status", nameof(ConnectionStatus.Requested)));
        Assert.Equal(2, recorder.Last("portal.connections", "status", nameof(ConnectionStatus.PendingAcceptance)));
        Assert.Equal(0, recorder.Last("portal.provisioning.queue_length"));
    }
}
