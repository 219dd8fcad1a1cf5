using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Hosting;
using Portal.UnitTests.Simulated;

namespace Portal.UnitTests.Operations;

/// <summary>What one portal process protects (auth cookie, antiforgery token), the next one can read.</summary>
public sealed class KeyStorageTests
{
    [Fact]
    public async Task Keys_kept_in_the_database_outlive_the_process_that_made_them()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        var protectedText = Protect(NewPortalServices(database), "ada's session");
        var readBack = Unprotect(NewPortalServices(database), protectedText);

        Assert.Equal("ada's session", readBack);
        await using var db = database.CreateDbContext();
        Assert.Single(db.DataProtectionKeys);
    }

    [Fact]
    public async Task A_keys_folder_when_configured_is_used_instead_of_the_database()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("portal-keys-");
        try
        {
            var protectedText = Protect(NewPortalServices(database, folder.FullName), "grace's session");
            var readBack = Unprotect(NewPortalServices(database, folder.FullName), protectedText);

            Assert.Equal("grace's session", readBack);
            Assert.Single(folder.GetFiles("key-*.xml"));
            await using var db = database.CreateDbContext();
            Assert.Empty(db.DataProtectionKeys);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ServiceProvider NewPortalServices(SqliteTestDatabase database, string? keysFolder = null)
    {
        var services = new ServiceCollection().AddLogging();
        // As AddDbContextFactory registers it: scoped, which is how the key repository resolves it.
        services.AddScoped<PortalDbContext>(_ => database.CreateDbContext());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [HostingExtensions.KeysFolderKey] = keysFolder }).Build();
        services.AddPortalKeyStorage(configuration, new TestEnvironment());
        return services.BuildServiceProvider();
    }

    private static string Protect(ServiceProvider services, string text) => WithProtector(services, p => p.Protect(text));

    private static string Unprotect(ServiceProvider services, string text) => WithProtector(services, p => p.Unprotect(text));

    /// <summary>Uses the services once and disposes them, as a process that ends.</summary>
    private static string WithProtector(ServiceProvider services, Func<IDataProtector, string> use)
    {
        using (services)
        {
            return use(services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test"));
        }
    }
}
