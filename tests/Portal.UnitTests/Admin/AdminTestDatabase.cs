using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Connections;
using Portal.Tests.Shared;
using Portal.UnitTests.Simulated;
using Portal.Web.Provisioning.Regions;

namespace Portal.UnitTests.Admin;

/// <summary>A temp SQLite file with the real migrations and the configured regions, deleted afterwards.</summary>
public sealed class AdminTestDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    public static readonly PortalUser Support = new("sam", "Sam Support", null, [], IsSupport: true);
    public static readonly PortalUser Ada = new("ada", "Ada Lovelace", null, ["ws-acme", "ws-acme-staging"], IsSupport: false);

    private readonly SqliteTestDatabase database;

    private AdminTestDatabase(SqliteTestDatabase database) => this.database = database;

    /// <summary>Three regions with egress IPs, eu-central-1 disabled.</summary>
    public static async Task<AdminTestDatabase> CreateAsync() => new(await SqliteTestDatabase.CreateAsync(new Dictionary<string, RegionOptions>
    {
        ["us-east-1"] = new() { DisplayName = "US East (N. Virginia)", PrincipalArn = "arn:aws:iam::111122223333:root", VpcId = "vpc-0a11b2c3d4e5f6071", SubnetIds = ["subnet-0111b2c3d4e5f6071"], EgressIps = ["192.0.2.10", "192.0.2.11"] },
        ["eu-west-1"] = new() { DisplayName = "Europe (Ireland)", PrincipalArn = "arn:aws:iam::111122223333:root", VpcId = "vpc-0d44e5f6071829304", SubnetIds = ["subnet-3144e5f6071829304"], EgressIps = ["203.0.113.40"] },
        ["eu-central-1"] = new() { DisplayName = "Europe (Frankfurt)", Enabled = false, PrincipalArn = "arn:aws:iam::111122223333:root", VpcId = "vpc-0e55f607182930415", SubnetIds = ["subnet-4155f607182930415"], EgressIps = ["203.0.113.50"] },
    }));

    public PortalDbContext CreateDbContext() => database.CreateDbContext();

    public async Task<Connection> AddConnectionAsync(string workspaceId, string region, string serviceName, ConnectionStatus status, string? endpointId, DateTimeOffset createdAt, string? name = null)
    {
        var connection = ConnectionSeeds.InStatus(status, workspaceId, serviceName, endpointId ?? "vpce-0aaaabbbbccccdddd", createdAt, name: name);
        await using var db = CreateDbContext();
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        return connection;
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
