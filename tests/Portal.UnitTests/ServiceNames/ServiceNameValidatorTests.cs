using Portal.Web.Features.Connections.ServiceNames;

namespace Portal.UnitTests.ServiceNames;

public class ServiceNameValidatorTests
{
    private readonly CreateConnectionRequestValidator server = new(EndpointServiceNameTests.Offered);

    [Theory]
    [MemberData(nameof(EndpointServiceNameTests.BadNames), MemberType = typeof(EndpointServiceNameTests))]
    public void The_validator_says_exactly_what_the_parser_says(string? input, string? region, ServiceNameErrorCode code, string message)
    {
        var failure = Assert.Single(server.Validate(new CreateConnectionRequest(region ?? "", input!, Guid.Empty, "")).Errors, e => e.PropertyName == "ServiceName");

        Assert.Equal(message, failure.ErrorMessage);
        Assert.Equal(code.ToString(), failure.ErrorCode);
        Assert.Equal(code, Assert.IsType<ServiceNameError>(failure.CustomState).Code);
    }

    [Fact]
    public void A_valid_request_passes() =>
        Assert.True(server.Validate(new CreateConnectionRequest("eu-west-1", " com.amazonaws.vpce.eu-west-1.vpce-svc-0A1B2C3D ", Guid.Empty, "")).IsValid);

    [Theory]
    [InlineData("", "Choose a region.")]
    [InlineData("ap-south-1", "We do not offer PrivateLink in ap-south-1. Choose one of: eu-central-1, eu-west-1, us-east-1, us-east-2, us-west-2.")]
    public void The_region_must_be_one_we_offer(string region, string message)
    {
        var errors = server.Validate(new CreateConnectionRequest(region, "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d", Guid.Empty, "")).Errors;

        // The name is fine on its own; only the region is reported, never a confusing mismatch with a region we do not offer.
        Assert.Equal(message, Assert.Single(errors).ErrorMessage);
        Assert.Equal("Region", errors[0].PropertyName);
    }

    [Fact]
    public void Only_the_regions_passed_in_are_offered()
    {
        var validator = new CreateConnectionRequestValidator(["eu-west-1"]);

        var errors = validator.Validate(new CreateConnectionRequest("eu-west-1", "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d", Guid.Empty, "")).Errors;

        Assert.Equal("This service is in us-east-1, where we do not offer PrivateLink. We offer: eu-west-1.", Assert.Single(errors).ErrorMessage);
    }
}
