namespace Portal.Web.Hosting;

public static class ConfigurationExtensions
{
    /// <summary>
    /// The top-level appsettings.json is copied next to the binaries; load that copy first (lowest precedence)
    /// so hosts whose content root is elsewhere (test hosts, tools) read the same defaults as `dotnet run`.
    /// </summary>
    public static void AddPortalDefaults(this ConfigurationManager configuration)
    {
        var defaults = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(defaults))
        {
            ((IConfigurationBuilder)configuration).Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
            });
            ((IConfigurationRoot)configuration).Reload();
        }
    }
}
