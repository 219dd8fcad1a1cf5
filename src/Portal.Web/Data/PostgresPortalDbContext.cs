using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Data;

/// <summary>The same model on PostgreSQL; exists so that its migrations (<c>Data/Migrations/Postgres</c>) are its own.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
