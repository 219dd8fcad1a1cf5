using Portal.Tests.Shared;
using Portal.Web.Features.Connections.ServiceNames;

namespace Portal.UnitTests.ServiceNames;

public class EndpointServiceNameTests
{
    internal static readonly string[] Offered = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1"];

    private const string Name17 = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";
    private const string Name8 = "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d";
    private const string Trimmed = "We removed surrounding spaces.";
    private const string Lowered = "We changed capitals to lower case.";
    private const string Both = "We removed surrounding spaces and changed capitals to lower case.";

    public static TheoryData<string, string?, string, string?> GoodNames => new()
    {
        { Name17, "us-east-1", Name17, null },
        { Name8, "us-east-1", Name8, null },
        { Name17, null, Name17, null },
        { "com.amazonaws.vpce.eu-west-1.vpce-svc-0fedcba9876543210", "eu-west-1", "com.amazonaws.vpce.eu-west-1.vpce-svc-0fedcba9876543210", null },
        { "com.amazonaws.vpce.us-west-2.vpce-svc-00000000", "us-west-2", "com.amazonaws.vpce.us-west-2.vpce-svc-00000000", null },
        { "COM.AMAZONAWS.VPCE.US-EAST-1.VPCE-SVC-0123456789ABCDEF0", "us-east-1", Name17, Lowered },
        { "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789ABCdef0", "us-east-1", Name17, Lowered },
        { "  " + Name17 + "  ", "us-east-1", Name17, Trimmed },
        { "\t" + Name17 + "\n", "us-east-1", Name17, Trimmed },
        { "\r\n" + Name8 + " ", "us-east-1", Name8, Trimmed },
        { " \tCom.AmazonAws.vpce.us-east-1.vpce-svc-0A1B2C3D\r\n", "us-east-1", Name8, Both },
        { "COM.AMAZONAWS.VPCE.EU-CENTRAL-1.VPCE-SVC-DEADBEEF", "eu-central-1", "com.amazonaws.vpce.eu-central-1.vpce-svc-deadbeef", Lowered },
        { Name17, "US-EAST-1", Name17, null },
    };

    /// <summary>The table of wrong names and their messages, shared with the API's integration tests (tests/Shared).</summary>
    public static TheoryData<string?, string?, ServiceNameErrorCode, string> BadNames => ServiceNameExamples.BadNames;

    [Theory]
    [MemberData(nameof(GoodNames))]
    public void A_valid_name_is_normalised_and_says_what_was_changed(string input, string? region, string expected, string? note)
    {
        var result = ServiceNameParser.Parse(input, region, Offered);

        Assert.True(result.IsValid, result.Error?.Message);
        Assert.Equal(expected, result.Name.Value);
        Assert.Equal(expected, result.Name.ToString());
        Assert.Equal(note, result.Note);
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public void A_wrong_name_gets_its_own_exact_message(string? input, string? region, ServiceNameErrorCode code, string message)
    {
        var result = ServiceNameParser.Parse(input, region, Offered);

        Assert.False(result.IsValid);
        Assert.Equal(message, result.Error.Message);
        Assert.Equal(code, result.Error.Code);
        Assert.Null(result.Name);
    }

    [Fact]
    public void The_table_covers_at_least_forty_inputs() =>
        Assert.True(GoodNames.Count + BadNames.Count >= 40);

    [Fact]
    public void A_name_exposes_its_region_and_service_id()
    {
        var name = ServiceNameParser.Parse(" " + Name17.ToUpperInvariant()).Name!;

        Assert.Equal("us-east-1", name.Region);
        Assert.Equal("vpce-svc-0123456789abcdef0", name.ServiceId);
        Assert.Equal(ServiceNameParser.Parse(Name17).Name, name);
    }

    [Theory]
    [InlineData("vpce-svc-0123456789abcdef0", "us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0")]
    [InlineData("arn:aws:ec2:eu-west-1:123456789012:vpc-endpoint-service/vpce-svc-0a1b2c3d", "us-east-1", "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d")]
    [InlineData("vpce-0123456789abcdef0-1a2b3c4d.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com", null, "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0")]
    [InlineData("vpce-svc-0123456789abcdef", "us-east-1", null)]
    [InlineData("vpce-svc-0123456789abcdef0", null, null)]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:vpc-endpoint-service/vpce-svc-xyz", "us-east-1", null)]
    public void A_mistake_we_can_repair_suggests_the_full_name_and_only_a_valid_one(string input, string? region, string? suggestion) =>
        Assert.Equal(suggestion, ServiceNameParser.Parse(input, region).Error!.Suggestion);
}
