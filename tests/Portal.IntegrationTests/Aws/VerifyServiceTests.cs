using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Provisioning;

namespace Portal.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class VerifyServiceTests(AwsWorld world)
{
    [Fact]
    public async Task Verify_finds_the_allowlisted_service_with_its_shared_zones_acceptance_flag_and_private_dns()
    {
        var result = await world.Provisioner.VerifyServiceAsync(ServiceNameParser.Parse(world.Customer.SharedServiceName).Name!, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Detail ?? result.Failure?.Reason);
        var service = result.Value!;
        Assert.Equal(world.Customer.SharedServiceName, service.ServiceName);
        Assert.Equal(world.Customer.SharedServiceId, service.ServiceId);
        Assert.True(service.AcceptanceRequired);
        Assert.Equal(CustomerSide.PrivateDnsName, service.PrivateDnsName);
        // The service's load balancer is in us-east-1a and 1b; matched by zone id, one of our subnets per zone.
        Assert.Equal(["use1-az1", "use1-az6"], service.ServiceZoneIds.Order());
        Assert.Equal(
            [("use1-az6", "us-east-1a", world.OurSubnetIds[0]), ("use1-az1", "us-east-1b", world.OurSubnetIds[1])],
            service.SharedZones.Select(z => (z.ZoneId, z.ZoneName, z.SubnetId)));
    }

    [Fact]
    public async Task Verify_of_an_unknown_service_name_fails_as_not_found_or_not_allowlisted_listing_the_three_causes()
    {
        var result = await world.Provisioner.VerifyServiceAsync(ServiceNameParser.Parse("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0").Name!, CancellationToken.None);

        Assert.False(result.Succeeded);
        var failure = result.Failure!;
        Assert.Equal(ProvisioningFailureKind.ServiceNotFoundOrNotAllowlisted, failure.Kind);
        Assert.Contains("typo", failure.Reason);
        Assert.Contains("another region than us-east-1", failure.Reason);
        Assert.Contains(AwsWorld.OurPrincipalArn, failure.Reason);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task Verify_of_a_service_in_none_of_our_zones_fails_naming_the_zones_of_both_sides()
    {
        var result = await world.Provisioner.VerifyServiceAsync(ServiceNameParser.Parse(world.Customer.LonelyServiceName).Name!, CancellationToken.None);

        Assert.False(result.Succeeded);
        var failure = result.Failure!;
        Assert.Equal(ProvisioningFailureKind.NoSharedAvailabilityZone, failure.Kind);
        Assert.Equal(["use1-az2"], failure.ServiceZones!);
        Assert.Equal(["use1-az1", "use1-az6"], failure.OurZones!.Order());
        Assert.Contains("use1-az2", failure.Reason);
        Assert.Contains("use1-az1, use1-az6", failure.Reason);
    }

    [Fact]
    public async Task Verify_in_a_region_without_settings_is_a_permanent_failure_for_support()
    {
        var result = await world.Provisioner.VerifyServiceAsync(ServiceNameParser.Parse("com.amazonaws.vpce.eu-north-1.vpce-svc-0123456789abcdef0").Name!, CancellationToken.None);

        Assert.Equal(ProvisioningFailureKind.Permanent, result.Failure?.Kind);
        Assert.StartsWith("RegionNotConfigured:", result.Failure!.Detail);
        Assert.Equal("We could not check this endpoint service; support has been notified.", result.Failure.Reason);
    }
}
