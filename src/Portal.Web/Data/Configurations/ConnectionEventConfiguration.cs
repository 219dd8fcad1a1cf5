using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Features.Connections;

namespace Portal.Web.Data.Configurations;

internal sealed class ConnectionEventConfiguration : IEntityTypeConfiguration<ConnectionEvent>
{
    public void Configure(EntityTypeBuilder<ConnectionEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.HasIndex(e => new { e.ConnectionId, e.At });
    }
}
