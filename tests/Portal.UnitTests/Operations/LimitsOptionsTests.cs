using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Portal.Web.Hosting.Limits;

namespace Portal.UnitTests.Operations;

public sealed class LimitsOptionsTests
{
    [Fact]
    public void The_limits_in_appsettings_json_are_the_built_in_defaults()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var bound = new LimitsOptions();

        configuration.GetSection(LimitsOptions.SectionName).Bind(bound);

        Assert.True(configuration.GetSection(LimitsOptions.SectionName).Exists());
        Assert.Equal(JsonSerializer.Serialize(new LimitsOptions()), JsonSerializer.Serialize(bound));
    }

    [Fact]
    public void A_setting_given_alone_keeps_the_other_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Limits:Verify:PerUser:Burst"] = "2" }).Build();
        var bound = new LimitsOptions();

        configuration.GetSection(LimitsOptions.SectionName).Bind(bound);

        Assert.Equal(2, bound.Verify.PerUser.Burst);
        Assert.Equal(new LimitsOptions().Verify.PerUser.PerMinute, bound.Verify.PerUser.PerMinute);
        Assert.Equal(50, bound.ConnectionsPerWorkspaceRegion);
    }

    [Fact]
    public void Zero_limits_are_refused_at_start_up_naming_the_setting()
    {
        var options = new LimitsOptions { ConnectionsPerWorkspaceRegion = 0 };
        options.Create.PerWorkspace.PerMinute = 0;

        var result = new LimitsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Limits:ConnectionsPerWorkspaceRegion"));
        Assert.Contains(result.Failures!, f => f.Contains("Limits:Create:PerWorkspace"));
    }
}
