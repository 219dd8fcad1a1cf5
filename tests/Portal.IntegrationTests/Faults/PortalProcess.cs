using Portal.Tests.Shared;
using Portal.Web.Features.Connections.ServiceNames;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.IntegrationTests.Aws;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Connections;

namespace Portal.IntegrationTests.Faults;

/// <summary>
/// The whole portal (real Program, worker and reconciler running) in AWS mode against moto, on a database file the
/// test chooses, so a test can stop one "process" and start another on the same database.
/// </summary>
internal sealed class PortalProcess(AwsWorld world, string databasePath, Action<IServiceCollection>? replaceServices = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={databasePath}",
            ["Provisioning:Mode"] = "Aws",
            ["Provisioning:Worker:PollInterval"] = "00:00:00.200",
            ["Provisioning:Worker:ClaimLease"] = "00:00:03",
            ["Provisioning:Worker:BaseBackoff"] = "00:00:00.200",
            ["Provisioning:Worker:MaxBackoff"] = "00:00:01",
            ["Provisioning:Worker:MaxAttempts"] = "20",
            ["Provisioning:Reconciler:Tick"] = "00:00:00.300",
            ["Provisioning:Reconciler:FastPollInterval"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            [$"Regions:{AwsWorld.Region}:PrincipalArn"] = AwsWorld.OurPrincipalArn,
            [$"Regions:{AwsWorld.Region}:VpcId"] = world.OurVpcId,
            [$"Regions:{AwsWorld.Region}:SubnetIds:0"] = world.OurSubnetIds[0],
            [$"Regions:{AwsWorld.Region}:SubnetIds:1"] = world.OurSubnetIds[1],
            [$"Regions:{AwsWorld.Region}:SubnetIds:2"] = world.SpareSubnetIdAsync().GetAwaiter().GetResult(),
            [$"Regions:{AwsWorld.Region}:ServiceUrl"] = world.Moto.Url.ToString(),
        };
        foreach (var other in new[] { "us-east-2", "us-west-2", "eu-west-1", "eu-central-1" })
        {
            settings[$"Regions:{other}:Enabled"] = "false";
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            // A "crashed" worker call never returns; do not wait long for it when this process is stopped.
            services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(1));
            replaceServices?.Invoke(services);
        });
    }

    public ConnectionService Connections => Services.GetRequiredService<ConnectionService>();

    /// <summary>What the session of a customer of the workspace grants.</summary>
    public static WorkspaceAccess AccessTo(string workspaceId) =>
        WorkspaceAccess.Grant(new PortalUser($"user-{workspaceId}", $"Customer of {workspaceId}", null, [workspaceId], false), workspaceId)!;

    public async Task<Guid> CreateConnectionAsync(string workspaceId, string serviceName, Guid? requestId = null)
    {
        var outcome = await Connections.CreateAsync(AccessTo(workspaceId), new CreateConnectionRequest(AwsWorld.Region, serviceName, requestId ?? Guid.NewGuid(), ConnectionSeeds.NameFor(serviceName)));
        Assert.True(outcome.Succeeded, outcome.InputError?.Message);
        return outcome.ConnectionId!.Value;
    }

    public async Task<Connection> LoadAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Connections.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>Waits until the connection reaches the status, failing with what it is instead after the timeout.</summary>
    public async Task<Connection> WaitForStatusAsync(Guid id, ConnectionStatus status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var connection = await LoadAsync(id);
            if (connection.Status == status)
            {
                return connection;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Connection {id} is {connection.Status} (AWS {connection.AwsState}, attempts {connection.Attempts}, retry: {connection.RetryReason}, error: {connection.LastAwsError}), expected {status}.");
            }
            await Task.Delay(200);
        }
    }
}
