using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections;
using Portal.Web.Features.EgressIps;
using Portal.Web.Features.Notifications;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Simulated;

namespace Portal.Web.Data;

/// <summary>
/// The portal's data. On SQLite (the default) this type itself is used, with the migrations in <c>Data/Migrations</c>;
/// on PostgreSQL its subclass <see cref="PostgresPortalDbContext"/>, with its own migrations, as EF Core recommends for
/// one model on two providers.
/// </summary>
public class PortalDbContext : DbContext, IDataProtectionKeyContext
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options)
        : base(options)
    {
    }

    protected PortalDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Connection> Connections => Set<Connection>();
    public DbSet<ConnectionEvent> ConnectionEvents => Set<ConnectionEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RegionSetting> RegionSettings => Set<RegionSetting>();
    public DbSet<WorkspaceSecurityGroup> WorkspaceSecurityGroups => Set<WorkspaceSecurityGroup>();
    public DbSet<EgressIpRequest> EgressIpRequests => Set<EgressIpRequest>();
    public DbSet<SimulatedEndpoint> SimulatedEndpoints => Set<SimulatedEndpoint>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<NotificationSubscription> NotificationSubscriptions => Set<NotificationSubscription>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so range filters and sorts run in SQL.
        // PostgreSQL stores the same ticks, so both providers share one model and sort the same way.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToTicksConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpConnectionVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpConnectionVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BumpConnectionVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Connection>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.BumpVersion();
            }
        }
    }
}
