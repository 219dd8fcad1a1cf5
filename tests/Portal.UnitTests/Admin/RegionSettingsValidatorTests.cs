using Portal.Web.Features.Admin.RegionEditor;

namespace Portal.UnitTests.Admin;

public class RegionSettingsValidatorTests
{
    private readonly RegionSettingsValidator validator = new();

    internal static RegionSettingsInput Valid() => new()
    {
        Code = "us-east-1",
        Enabled = true,
        DisplayName = "US East (N. Virginia)",
        PrincipalArn = "arn:aws:iam::111122223333:root",
        VpcId = "vpc-0a11b2c3d4e5f6071",
        SubnetIds = ["subnet-0111b2c3d4e5f6071", "subnet-0211b2c3"],
        SecurityGroupId = "sg-0123456789abcdef0",
        EgressIps = ["192.0.2.10", "198.51.100.0/24"],
    };

    public static TheoryData<string, Action<RegionSettingsInput>> GoodValues => new()
    {
        { "the defaults from configuration", _ => { } },
        { "an account root ARN", r => r.PrincipalArn = "arn:aws:iam::123456789012:root" },
        { "a role ARN", r => r.PrincipalArn = "arn:aws:iam::123456789012:role/privatelink-portal" },
        { "a role ARN with a path", r => r.PrincipalArn = "arn:aws:iam::123456789012:role/service/portal+sync@eu" },
        { "a user ARN", r => r.PrincipalArn = "arn:aws:iam::123456789012:user/portal-bot" },
        { "an 8-character VPC id", r => r.VpcId = "vpc-0a11b2c3" },
        { "no security group", r => r.SecurityGroupId = null },
        { "an 8-character security group id", r => r.SecurityGroupId = "sg-0a1b2c3d" },
        { "no egress IPs", r => r.EgressIps = [] },
        { "a /0 block", r => r.EgressIps = ["0.0.0.0/0"] },
        { "a disabled region", r => r.Enabled = false },
    };

    public static TheoryData<string, Action<RegionSettingsInput>, string, string> BadValues => new()
    {
        { "empty display name", r => r.DisplayName = "", "DisplayName", "Enter a display name, for example US East (N. Virginia)." },
        { "long display name", r => r.DisplayName = new string('x', 129), "DisplayName", "Keep the display name under 128 characters." },
        { "empty ARN", r => r.PrincipalArn = "", "PrincipalArn", "Enter the principal ARN customers allowlist, for example arn:aws:iam::111122223333:root." },
        { "11-digit account", r => r.PrincipalArn = "arn:aws:iam::11112222333:root", "PrincipalArn", "Principal ARN \"arn:aws:iam::11112222333:root\" is not valid: use arn:aws:iam::<12-digit account>:root, or :role/<name> or :user/<name>." },
        { "bare account id", r => r.PrincipalArn = "111122223333", "PrincipalArn", "Principal ARN \"111122223333\" is not valid: use arn:aws:iam::<12-digit account>:root, or :role/<name> or :user/<name>." },
        { "S3 ARN", r => r.PrincipalArn = "arn:aws:s3:::bucket", "PrincipalArn", "Principal ARN \"arn:aws:s3:::bucket\" is not valid: use arn:aws:iam::<12-digit account>:root, or :role/<name> or :user/<name>." },
        { "group ARN", r => r.PrincipalArn = "arn:aws:iam::111122223333:group/admins", "PrincipalArn", "Principal ARN \"arn:aws:iam::111122223333:group/admins\" is not valid: use arn:aws:iam::<12-digit account>:root, or :role/<name> or :user/<name>." },
        { "role without a name", r => r.PrincipalArn = "arn:aws:iam::111122223333:role/", "PrincipalArn", "Principal ARN \"arn:aws:iam::111122223333:role/\" is not valid: use arn:aws:iam::<12-digit account>:root, or :role/<name> or :user/<name>." },
        { "empty VPC", r => r.VpcId = "", "VpcId", "Enter the VPC id, for example vpc-0a11b2c3d4e5f6071." },
        { "short VPC", r => r.VpcId = "vpc-0a11b2c", "VpcId", "VPC id \"vpc-0a11b2c\" is not valid: use vpc- followed by 8 or 17 lower-case hexadecimal characters (0-9, a-f), for example vpc-0a11b2c3d4e5f6071." },
        { "upper-case VPC", r => r.VpcId = "vpc-0A11B2C3", "VpcId", "VPC id \"vpc-0A11B2C3\" is not valid: use vpc- followed by 8 or 17 lower-case hexadecimal characters (0-9, a-f), for example vpc-0a11b2c3d4e5f6071." },
        { "subnet as VPC", r => r.VpcId = "subnet-0a11b2c3", "VpcId", "VPC id \"subnet-0a11b2c3\" is not valid: use vpc- followed by 8 or 17 lower-case hexadecimal characters (0-9, a-f), for example vpc-0a11b2c3d4e5f6071." },
        { "no subnets", r => r.SubnetIds = [], "SubnetIds", "Add at least one subnet id, one per line." },
        { "bad subnet", r => r.SubnetIds = ["subnet-0111b2c3d4e5f6071", "subnet-xyz"], "SubnetIds[1]", "Subnet id \"subnet-xyz\" is not valid: use subnet- followed by 8 or 17 lower-case hexadecimal characters (0-9, a-f), for example subnet-0111b2c3d4e5f6071." },
        { "duplicate subnet", r => r.SubnetIds = ["subnet-0111b2c3", "subnet-0111b2c3"], "SubnetIds", "Subnet id \"subnet-0111b2c3\" is listed more than once." },
        { "bad security group", r => r.SecurityGroupId = "sg-123", "SecurityGroupId", "Security group id \"sg-123\" is not valid: use sg- followed by 8 or 17 lower-case hexadecimal characters (0-9, a-f), for example sg-0123456789abcdef0. Leave it empty if the region has none." },
        { "bad egress IP", r => r.EgressIps = ["192.0.2.10", "192.0.2.256"], "EgressIps[1]", "\"192.0.2.256\" is not an IPv4 address: 256 is more than 255." },
        { "egress block with host bits", r => r.EgressIps = ["192.0.2.10/24"], "EgressIps[0]", "\"192.0.2.10/24\" is not the start of its block; did you mean 192.0.2.0/24?" },
        { "IPv6 egress", r => r.EgressIps = ["2001:db8::1"], "EgressIps[0]", "\"2001:db8::1\" is an IPv6 address; only IPv4 addresses and blocks are supported here." },
        { "duplicate egress IP", r => r.EgressIps = ["192.0.2.10", "192.0.2.10"], "EgressIps", "Egress IP \"192.0.2.10\" is listed more than once." },
    };

    [Theory]
    [MemberData(nameof(GoodValues))]
    public void Good_settings_pass(string why, Action<RegionSettingsInput> change)
    {
        var input = Valid();
        change(input);

        var result = validator.Validate(input);

        Assert.True(result.IsValid, $"{why}: {string.Join(" | ", result.Errors)}");
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Bad_settings_fail_with_one_clear_message_on_the_field(string why, Action<RegionSettingsInput> change, string property, string message)
    {
        var input = Valid();
        change(input);

        var error = Assert.Single(validator.Validate(input).Errors);

        Assert.Equal(property, error.PropertyName);
        Assert.Equal(message, error.ErrorMessage);
        Assert.NotEmpty(why);
    }

    [Fact]
    public void Typed_lists_are_split_by_line_and_trimmed_before_validation()
    {
        var input = Valid();
        input.SubnetIds = ["  subnet-0111b2c3d4e5f6071\r\n\r\nsubnet-0211b2c3  "];
        input.EgressIps = ["192.0.2.10\n 198.51.100.0/24 \n\n"];
        input.SecurityGroupId = "  ";

        var normalized = input.Normalized();

        Assert.Equal(["subnet-0111b2c3d4e5f6071", "subnet-0211b2c3"], normalized.SubnetIds);
        Assert.Equal(["192.0.2.10", "198.51.100.0/24"], normalized.EgressIps);
        Assert.Null(normalized.SecurityGroupId);
        Assert.True(validator.Validate(normalized).IsValid);
    }
}
