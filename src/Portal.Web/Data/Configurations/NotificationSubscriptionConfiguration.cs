using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Features.Notifications;

namespace Portal.Web.Data.Configurations;

internal sealed class NotificationSubscriptionConfiguration : IEntityTypeConfiguration<NotificationSubscription>
{
    public void Configure(EntityTypeBuilder<NotificationSubscription> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.WorkspaceId).HasMaxLength(128);
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Target).HasMaxLength(2048);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1024);
        builder.Property(s => s.CreatedByName).HasMaxLength(256);
        builder.HasIndex(s => s.WorkspaceId);
    }
}
