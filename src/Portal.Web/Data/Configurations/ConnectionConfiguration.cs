using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.Naming;
using Portal.Web.Provisioning;

namespace Portal.Web.Data.Configurations;

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.WorkspaceId).HasMaxLength(128);
        builder.Property(c => c.Region).HasMaxLength(32);
        // Stored as AWS writes it; only names that passed the parser are ever saved, so reading one back cannot fail.
        builder.Property(c => c.ServiceName)
            .HasConversion(name => name.Value, stored => EndpointServiceName.FromStored(stored))
            .HasMaxLength(128);
        builder.Property(c => c.Name).HasMaxLength(ConnectionNames.MaxNameLength);
        builder.Property(c => c.NameKey).HasMaxLength(ConnectionNames.MaxNameLength);
        builder.Property(c => c.Description).HasMaxLength(ConnectionNames.MaxDescriptionLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.PendingOperation).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.AwsState).HasMaxLength(64);
        builder.Property(c => c.EndpointId).HasMaxLength(64);
        builder.Property(c => c.ClientToken).HasMaxLength(64);
        builder.Property(c => c.CreatedById).HasMaxLength(256);
        builder.Property(c => c.CreatedByName).HasMaxLength(256);
        builder.Property(c => c.ClaimedBy).HasMaxLength(128);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.HasIndex(c => c.ClientToken).IsUnique();
        // One live connection per service and workspace: the database refuses a duplicate even when two requests race.
        builder.HasIndex(c => new { c.WorkspaceId, c.ServiceName })
            .IsUnique()
            .HasFilter("\"Status\" <> 'Deleted'");
        // Names are unique among a workspace's live connections, ignoring case: two racing creates or renames cannot both win.
        builder.HasIndex(c => new { c.WorkspaceId, c.NameKey })
            .IsUnique()
            .HasFilter("\"Status\" <> 'Deleted'");
        builder.HasIndex(c => new { c.WorkspaceId, c.CreatedAt });
        builder.HasIndex(c => c.EndpointId);
        builder.HasIndex(c => new { c.PendingOperation, c.NextAttemptAt });
        builder.HasIndex(c => new { c.Status, c.NextCheckAt });
        builder.HasIndex(c => new { c.Region, c.Status });
        builder.HasIndex(c => c.CreatedAt);

        builder.HasMany(c => c.Events)
            .WithOne()
            .HasForeignKey(e => e.ConnectionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
