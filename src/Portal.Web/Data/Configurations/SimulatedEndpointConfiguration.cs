using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Web.Provisioning.Simulated;

namespace Portal.Web.Data.Configurations;

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
