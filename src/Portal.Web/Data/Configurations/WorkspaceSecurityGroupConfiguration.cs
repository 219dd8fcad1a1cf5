using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Provisioning;

namespace Portal.Web.Data.Configurations;

internal sealed class WorkspaceSecurityGroupConfiguration : IEntityTypeConfiguration<WorkspaceSecurityGroup>
{
    public void Configure(EntityTypeBuilder<WorkspaceSecurityGroup> builder)
    {
        builder.HasKey(g => new { g.WorkspaceId, g.Region });
        builder.Property(g => g.WorkspaceId).HasMaxLength(128);
        builder.Property(g => g.Region).HasMaxLength(32);
        builder.Property(g => g.WorkersGroupId).HasMaxLength(64);
        builder.Property(g => g.EndpointsGroupId).HasMaxLength(64);
    }
}
