using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Aws;

namespace Portal.IntegrationTests.Aws;

public sealed class AwsStartupValidationTests
{
    private static readonly Dictionary<string, string?> CompleteRegion = new()
    {
        ["Provisioning:Mode"] = "Aws",
        ["Regions:eu-west-1:PrincipalArn"] = "arn:aws:iam::111122223333:root",
        ["Regions:eu-west-1:VpcId"] = "vpc-0d44e5f6071829304",
        ["Regions:eu-west-1:SubnetIds:0"] = "subnet-3144e5f6071829304",
    };

    [Fact]
    public void Aws_mode_registers_the_aws_provisioner_and_complete_settings_pass()
    {
        using var services = Build(CompleteRegion);

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Contains(Registrations(CompleteRegion), d => d.ServiceType == typeof(AwsEndpointProvisioner));
        Assert.DoesNotContain(Registrations(CompleteRegion), d => d.ServiceType == typeof(Portal.Web.Provisioning.Simulated.SimulatedEndpointProvisioner));
    }

    [Fact]
    public void Aws_mode_start_up_fails_naming_the_region_and_key_of_each_missing_setting()
    {
        var settings = new Dictionary<string, string?>(CompleteRegion) { ["Regions:eu-west-1:VpcId"] = "", ["Regions:us-east-2:VpcId"] = "vpc-1" };
        using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Regions:eu-west-1:VpcId is required when Provisioning:Mode is Aws", error.Failures);
        Assert.Contains("Regions:us-east-2:PrincipalArn is required when Provisioning:Mode is Aws", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Regions:us-east-2:SubnetIds", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.StartsWith("Regions:eu-west-1:PrincipalArn", StringComparison.Ordinal));
    }

    [Fact]
    public void Aws_mode_start_up_rejects_a_malformed_role_arn_or_service_url()
    {
        var settings = new Dictionary<string, string?>(CompleteRegion)
        {
            ["Regions:eu-west-1:RoleArn"] = "portal-role",
            ["Regions:eu-west-1:ServiceUrl"] = "localhost:5000",
        };
        using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.StartsWith("Regions:eu-west-1:RoleArn must be an IAM role ARN", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Regions:eu-west-1:ServiceUrl must be an absolute http(s) URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Disabled_regions_are_not_checked()
    {
        var settings = new Dictionary<string, string?>(CompleteRegion) { ["Regions:us-west-2:Enabled"] = "false" };
        using var services = Build(settings);

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Simulated_mode_does_not_register_the_aws_provisioner()
    {
        var settings = new Dictionary<string, string?>(CompleteRegion) { ["Provisioning:Mode"] = "Simulated", ["Regions:eu-west-1:VpcId"] = "" };

        Assert.DoesNotContain(Registrations(settings), d => d.ImplementationType == typeof(AwsEndpointProvisioner));
    }

    private static ServiceCollection Registrations(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddProvisioning(configuration);
        return services;
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) => Registrations(settings).BuildServiceProvider();
}
