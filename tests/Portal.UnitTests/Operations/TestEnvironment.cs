using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Portal.UnitTests.Operations;

internal sealed class TestEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Production;
    public string ApplicationName { get; set; } = "Portal.Web";
    public string ContentRootPath { get; set; } = Path.GetTempPath();
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
