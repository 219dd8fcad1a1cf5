using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.IntegrationTests.Aws;
using Portal.Web.Features.Connections;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Aws;

namespace Portal.IntegrationTests.Faults;

/// <summary>A request is never lost nor doubled, whatever the portal process or AWS does (issue: durable provisioning).</summary>
[Collection(MotoCollection.Name)]
public sealed class ProvisioningFaultTests(AwsWorld world) : IDisposable
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"portal-faults-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData(CrashPoint.BeforeAwsCall)]
    [InlineData(CrashPoint.AfterAwsCall)]
    public async Task A_portal_killed_mid_creation_resumes_after_restart_with_exactly_one_endpoint(CrashPoint crashPoint)
    {
        var workspace = AwsWorld.NewWorkspaceId();
        CrashingProvisioner? crashing = null;
        Guid id;
        await using (var first = new PortalProcess(world, databasePath, services => ReplaceProvisioner(services, inner => crashing = new CrashingProvisioner(inner, crashPoint))))
        {
            id = await first.CreateConnectionAsync(workspace, world.Customer.SharedServiceName);
            _ = first.Services.GetRequiredService<IEndpointProvisioner>();
            await crashing!.Reached.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Null((await first.LoadAsync(id)).EndpointId);
        }
        var endpointsAtCrash = await world.EndpointsTaggedWithAsync(id);
        Assert.Equal(crashPoint == CrashPoint.AfterAwsCall ? 1 : 0, endpointsAtCrash.Count);

        await using var second = new PortalProcess(world, databasePath);
        // moto endpoints are available at once; the service requires acceptance in AWS, which moto does not model.
        var connection = await second.WaitForStatusAsync(id, ConnectionStatus.Available);

        var endpoints = await world.EndpointsTaggedWithAsync(id);
        var endpoint = Assert.Single(endpoints);
        Assert.Equal(endpoint.VpcEndpointId, connection.EndpointId);
        if (crashPoint == CrashPoint.AfterAwsCall)
        {
            Assert.Equal(endpointsAtCrash[0].VpcEndpointId, connection.EndpointId);
        }
    }

    [Fact]
    public async Task Throttling_and_server_errors_on_a_third_of_ec2_calls_still_end_with_every_connection_available_and_no_duplicate()
    {
        var counter = new FaultCounter();
        await using var portal = new PortalProcess(world, databasePath, services =>
        {
            services.RemoveAll<Ec2ClientFactory>();
            services.AddSingleton(sp => new Ec2ClientFactory(sp.GetRequiredService<IOptions<AwsRegionsOptions>>())
            {
                CreateHttpHandler = () => new FlakyEc2Handler(counter),
                // Fewer SDK retries than usual, so some faults reach the worker and exercise its own backoff too.
                MaxErrorRetry = 1,
            });
        });

        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await portal.CreateConnectionAsync(AwsWorld.NewWorkspaceId(), world.Customer.SharedServiceName));
        }
        foreach (var id in ids)
        {
            await portal.WaitForStatusAsync(id, ConnectionStatus.Available, TimeSpan.FromSeconds(60));
        }

        Assert.True(counter.Faults >= 5, $"only {counter.Faults} faults were injected in {counter.Calls} calls");
        foreach (var id in ids)
        {
            Assert.Single(await world.EndpointsTaggedWithAsync(id));
        }
    }

    [Fact]
    public async Task A_double_submitted_create_makes_one_connection_and_one_endpoint()
    {
        await using var portal = new PortalProcess(world, databasePath);
        var workspace = AwsWorld.NewWorkspaceId();
        var requestId = Guid.NewGuid();

        var ids = await Task.WhenAll(
            portal.CreateConnectionAsync(workspace, world.Customer.SharedServiceName, requestId),
            portal.CreateConnectionAsync(workspace, world.Customer.SharedServiceName, requestId));

        Assert.Equal(ids[0], ids[1]);
        await portal.WaitForStatusAsync(ids[0], ConnectionStatus.Available);
        Assert.Single(await portal.Connections.ListAsync(PortalProcess.AccessTo(workspace)));
        Assert.Single(await world.EndpointsTaggedWithAsync(ids[0]));
    }

    private static void ReplaceProvisioner(IServiceCollection services, Func<IEndpointProvisioner, IEndpointProvisioner> wrap)
    {
        services.RemoveAll<IEndpointProvisioner>();
        services.AddSingleton<AwsEndpointProvisioner>();
        services.AddSingleton(sp => wrap(sp.GetRequiredService<AwsEndpointProvisioner>()));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
