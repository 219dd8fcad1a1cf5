using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Features.EgressIps;

namespace Portal.Web.Data.Configurations;

internal sealed class EgressIpRequestConfiguration : IEntityTypeConfiguration<EgressIpRequest>
{
    public void Configure(EntityTypeBuilder<EgressIpRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.WorkspaceId).HasMaxLength(128);
        builder.Property(r => r.Region).HasMaxLength(32);
        builder.HasIndex(r => r.RequestedAt);
        builder.HasIndex(r => new { r.WorkspaceId, r.RequestedAt });
    }
}
