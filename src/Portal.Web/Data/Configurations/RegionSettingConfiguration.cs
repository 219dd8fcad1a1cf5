using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Provisioning.Regions;

namespace Portal.Web.Data.Configurations;

internal sealed class RegionSettingConfiguration : IEntityTypeConfiguration<RegionSetting>
{
    public void Configure(EntityTypeBuilder<RegionSetting> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(32);
        builder.Property(r => r.DisplayName).HasMaxLength(128);
        builder.Property(r => r.PrincipalArn).HasMaxLength(256);
        builder.Property(r => r.VpcId).HasMaxLength(64);
        builder.Property(r => r.SecurityGroupId).HasMaxLength(64);
    }
}
