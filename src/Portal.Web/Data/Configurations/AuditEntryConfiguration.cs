using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Features.Audit;

namespace Portal.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ActorId).HasMaxLength(256);
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.WorkspaceId).HasMaxLength(128);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ClientAddress).HasMaxLength(64);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.WorkspaceId, a.At });
        builder.HasIndex(a => new { a.ConnectionId, a.At });
        builder.HasIndex(a => new { a.ActorId, a.At });
        builder.HasIndex(a => new { a.Action, a.At });
    }
}
