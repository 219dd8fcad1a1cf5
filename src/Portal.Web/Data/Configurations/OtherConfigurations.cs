using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Features.Audit;
using Portal.Web.Features.EgressIps;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Simulated;

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

internal sealed class SimulatedEndpointConfiguration : IEntityTypeConfiguration<SimulatedEndpoint>
{
    public void Configure(EntityTypeBuilder<SimulatedEndpoint> builder)
    {
        builder.HasKey(e => e.EndpointId);
        builder.Property(e => e.EndpointId).HasMaxLength(64);
        builder.Property(e => e.State).HasMaxLength(32);
        builder.HasIndex(e => e.ClientToken);
        builder.HasIndex(e => e.ConnectionTag);
    }
}
