using Microsoft.EntityFrameworkCore;
using Portal.Tests.Shared;
using Portal.Web.Features.Connections;

namespace Portal.E2ETests.Instances;

/// <summary>
/// Three portal processes on one database and one EC2, no leader: their workers share one queue of requests through
/// claims, and their reconcilers share the status checks through leases.
/// </summary>
public sealed class SharedQueueTests
{
    private const int Requests = 30;
    private static readonly string[] Names = ["portal-a", "portal-b", "portal-c"];
    // Every endpoint is due a check this long after the last one; a check taken twice would come sooner.
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Three_instances_create_thirty_queued_endpoints_once_each_and_never_check_one_endpoint_twice_at_a_time()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Provisioning:Reconciler:FastPollInterval"] = "00:00:02",
            ["Provisioning:Reconciler:SlowPollInterval"] = "00:00:02",
        };
        await using var cluster = await PortalCluster.StartAsync([.. Names.Select(n => (n, (IReadOnlyDictionary<string, string?>)settings))]);
        await cluster.ExplainFailuresAsync(async () =>
        {
            // A slower EC2 widens the window in which two instances could take the same work.
            cluster.Proxy.Delay("DescribeVpcEndpoints", TimeSpan.FromMilliseconds(200));

            // Queued requests of as many workspaces (one request per workspace and service), stored as the portal stores
            // them; no instance is told, each finds them.
            var ids = new List<Guid>();
            await using (var db = cluster.Database.CreateDbContext())
            {
                for (var i = 0; i < Requests; i++)
                {
                    var connection = ConnectionSeeds.InStatus(ConnectionStatus.Requested, $"ws-queue-{i:D2}", cluster.Ec2.Customer.SharedServiceName, at: DateTimeOffset.UtcNow);
                    db.Connections.Add(connection);
                    ids.Add(connection.Id);
                }
                await db.SaveChangesAsync();
            }

            await cluster.WaitUntilAsync(async () =>
            {
                await using var db = cluster.Database.CreateDbContext();
                return await db.Connections.CountAsync(c => c.Status == ConnectionStatus.Available) == Requests;
            }, TimeSpan.FromSeconds(180), $"all {Requests} connections available");

            // None lost, none created twice: one CreateVpcEndpoint per connection, and one endpoint per connection in EC2.
            var creates = cluster.Proxy.CallsOf("CreateVpcEndpoint").ToList();
            Assert.All(ids, id => Assert.Single(creates, c => c.Mentions(id.ToString())));
            Assert.Equal(Requests, creates.Count);
            var endpoints = await cluster.Ec2.OurEndpointsAsync();
            Assert.Equal(Requests, endpoints.Count);
            Assert.All(ids, id => Assert.Single(endpoints, e => e.Tags.Any(t => t.Key == "portal:connection-id" && t.Value == id.ToString())));
            // The queue was shared, not worked off by one instance.
            var createsByInstance = creates.GroupBy(c => c.Instance).ToDictionary(g => g.Key, g => g.Count());
            Assert.True(createsByInstance.Count >= 2, $"creates per instance: {string.Join(", ", createsByInstance)}");

            // The reconcilers: wait until every endpoint has been checked three times, then look at who checked when.
            // A slower EC2 widens the window in which two instances could take the same check.
            // Only checks from here on count: while an endpoint is being created, the worker's result also schedules its
            // first check, so a check can follow the creation's own look-up closely (one extra Describe, not a double take).
            cluster.Proxy.Delay("DescribeVpcEndpoints", TimeSpan.FromMilliseconds(200));
            var reconcilersAlone = DateTimeOffset.UtcNow;
            var endpointIds = endpoints.Select(e => e.VpcEndpointId).ToList();
            await cluster.WaitUntilAsync(() => Task.FromResult(endpointIds.All(e => ChecksOf(cluster, e, reconcilersAlone).Count >= 3)),
                TimeSpan.FromSeconds(90), "every endpoint checked three times");
            var checkers = new HashSet<string>();
            foreach (var endpointId in endpointIds)
            {
                var checks = ChecksOf(cluster, endpointId, reconcilersAlone);
                checkers.UnionWith(checks.Select(c => c.Instance));
                foreach (var (earlier, later) in checks.Zip(checks.Skip(1)))
                {
                    var gap = later.SentAt - earlier.SentAt;
                    Assert.True(gap > CheckInterval / 2,
                        $"{endpointId} was checked by {earlier.Instance} at {earlier.SentAt:HH:mm:ss.fff} and again by {later.Instance} at {later.SentAt:HH:mm:ss.fff}");
                }
            }
            Assert.True(checkers.Count >= 2, $"the checks were made by {string.Join(", ", checkers)} only");
            Assert.All(Names, name => Assert.False(cluster[name].HasExited, $"{name} exited:\n{cluster[name].Output}"));
        });
    }

    /// <summary>The reconcilers' DescribeVpcEndpoints calls (by id) that asked for this endpoint, in the order sent.</summary>
    private static List<Ec2Call> ChecksOf(PortalCluster cluster, string endpointId, DateTimeOffset since) =>
        [.. cluster.Proxy.CallsOf("DescribeVpcEndpoints").Where(c => c.EndpointIds.Contains(endpointId) && c.SentAt >= since).OrderBy(c => c.SentAt)];
}
