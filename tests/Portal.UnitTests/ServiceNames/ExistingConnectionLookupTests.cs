using Portal.Tests.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.UnitTests.Simulated;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.ServiceNames;

namespace Portal.UnitTests.ServiceNames;

public class ExistingConnectionLookupTests
{
    private const string Name = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";

    private static readonly PortalUser Member = new("ada", "Ada", null, ["ws-a"], false);

    private static Connection NewConnection(string workspaceId, ConnectionStatus status, string serviceName = Name) =>
        ConnectionSeeds.InStatus(status, workspaceId, serviceName);

    private static Task<Guid?> FindLiveAsync(PortalDbContext db, string serviceName) =>
        ExistingConnectionLookup.FindLiveAsync(db.Connections, WorkspaceAccess.Grant(Member, "ws-a")!, ConnectionSeeds.Name(serviceName));

    [Theory]
    [InlineData(ConnectionStatus.Requested)]
    [InlineData(ConnectionStatus.PendingAcceptance)]
    [InlineData(ConnectionStatus.Available)]
    [InlineData(ConnectionStatus.Rejected)]
    [InlineData(ConnectionStatus.Failed)]
    [InlineData(ConnectionStatus.Deleting)]
    public async Task A_connection_that_is_not_deleted_is_found_whatever_its_status(ConnectionStatus status)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var existing = NewConnection("ws-a", status);
        await using (var db = database.CreateDbContext())
        {
            db.Connections.Add(existing);
            await db.SaveChangesAsync();
        }

        await using var query = database.CreateDbContext();
        Assert.Equal(existing.Id, await FindLiveAsync(query, Name));
        Assert.Equal(existing.Id, await FindLiveAsync(query, " " + Name.ToUpperInvariant() + "\n"));
    }

    [Fact]
    public async Task Deleted_connections_and_other_workspaces_do_not_count()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            db.Connections.AddRange(
                NewConnection("ws-a", ConnectionStatus.Deleted),
                NewConnection("ws-a", ConnectionStatus.Deleted),
                NewConnection("ws-b", ConnectionStatus.Available),
                NewConnection("ws-a", ConnectionStatus.Available, "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d"));
            await db.SaveChangesAsync();
        }

        await using var query = database.CreateDbContext();
        Assert.Null(await FindLiveAsync(query, Name));
    }

    [Fact]
    public void The_refusal_links_to_the_existing_connection()
    {
        var id = Guid.Parse("6f1c1b8e-2a61-4a55-9d6b-7c3f0d9e8a10");

        var error = ExistingConnectionLookup.AlreadyConnected(id);

        Assert.Equal(ServiceNameErrorCode.AlreadyConnected, error.Code);
        Assert.Equal("This service is already connected in this workspace. Use the existing connection instead of creating a second one.", error.Message);
        Assert.Equal(new ServiceNameLink("/connections/6f1c1b8e-2a61-4a55-9d6b-7c3f0d9e8a10", "Open the existing connection"), error.Link);
    }
}
