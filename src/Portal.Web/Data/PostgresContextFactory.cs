using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Data;

/// <summary>Hands out <see cref="PostgresPortalDbContext"/> wherever the app asks for a <see cref="PortalDbContext"/>.</summary>
internal sealed class PostgresContextFactory(IDbContextFactory<PostgresPortalDbContext> inner) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
