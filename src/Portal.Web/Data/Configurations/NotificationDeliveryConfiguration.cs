using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Features.Notifications;

namespace Portal.Web.Data.Configurations;

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.WorkspaceId).HasMaxLength(128);
        builder.Property(d => d.EventType).HasMaxLength(64);
        builder.Property(d => d.DedupeKey).HasMaxLength(128);
        builder.Property(d => d.Summary).HasMaxLength(512);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ClaimedBy).HasMaxLength(128);
        builder.Property(d => d.LastError).HasMaxLength(1024);
        builder.HasOne<NotificationSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // A reminder is written once per subscription, even when two instances find it due at the same moment.
        builder.HasIndex(d => new { d.SubscriptionId, d.DedupeKey }).IsUnique().HasFilter("\"DedupeKey\" IS NOT NULL");
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.WorkspaceId, d.CreatedAt });
    }
}
