using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data.Postgres;

namespace Portal.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Portal";
    public const string ProviderKey = "Database:Provider";

    /// <summary>
    /// The database chosen by <c>Database:Provider</c>: SQLite (default, one file) or PostgreSQL, with the connection
    /// string <c>ConnectionStrings:Portal</c>. Either way the app asks for <see cref="IDbContextFactory{PortalDbContext}"/>.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        // A factory, not a scoped context: a Blazor Server circuit lives long and runs handlers concurrently.
        if (configuration.GetValue(ProviderKey, DatabaseProvider.Sqlite) == DatabaseProvider.Postgres)
        {
            var connectionString = configured ?? throw new InvalidOperationException(
                $"{ProviderKey} is Postgres but ConnectionStrings:{ConnectionStringName} is not set.");
            services.AddDbContextFactory<PostgresPortalDbContext>(options => options.UseNpgsql(connectionString));
            services.AddSingleton<IDbContextFactory<PortalDbContext>, PostgresContextFactory>();
            // For the data protection key store, which resolves the context from a scope.
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
            // Several instances share the database: changes reach the pages open on every one of them.
            services.AddSingleton(sp => new PostgresChangeChannel(connectionString, sp.GetRequiredService<ILogger<PostgresChangeChannel>>()));
            services.AddSingleton<IChangeChannel>(sp => sp.GetRequiredService<PostgresChangeChannel>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeChannel>());
        }
        else
        {
            var connectionString = ResolveConnectionString(configured, environment.ContentRootPath);
            services.AddDbContextFactory<PortalDbContext>(options => options.UseSqlite(connectionString));
        }
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Makes a relative SQLite path relative to the content root and creates its folder.</summary>
    internal static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/portal.db");
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        // Wait for a busy writer rather than failing at once: the worker and the circuits write concurrently.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }

    /// <summary>Applies the migrations of the provider (the only source of the schema); a SQLite file switches to WAL.</summary>
    public static async Task MigratePortalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await PostgresMigrations.ApplyAsync(db, cancellationToken);
            return;
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
