using System.Text.RegularExpressions;

namespace Portal.Web.Features.Admin.RegionEditor;

/// <summary>The forms of the AWS identifiers a region's settings hold.</summary>
public static partial class AwsIdentifiers
{
    /// <summary>Account root, or a role or user with an optional path, in the commercial partition.</summary>
    [GeneratedRegex(@"^arn:aws:iam::\d{12}:(root|(role|user)/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64})$")]
    private static partial Regex PrincipalArnPattern();

    // Resource ids: a prefix and 8 hex characters (older resources, emulators) or 17 (current AWS).
    [GeneratedRegex("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex VpcIdPattern();

    [GeneratedRegex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SubnetIdPattern();

    [GeneratedRegex("^sg-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SecurityGroupIdPattern();

    public static bool IsPrincipalArn(string? value) => value is not null && PrincipalArnPattern().IsMatch(value);
    public static bool IsVpcId(string? value) => value is not null && VpcIdPattern().IsMatch(value);
    public static bool IsSubnetId(string? value) => value is not null && SubnetIdPattern().IsMatch(value);
    public static bool IsSecurityGroupId(string? value) => value is not null && SecurityGroupIdPattern().IsMatch(value);

    public static string ResourceIdMessage(string what, string value, string prefix, string example) =>
        $"{what} \"{value}\" is not valid: use {prefix} followed by 8 or 17 lower-case hexadecimal characters (0-9, a-f), for example {example}.";
}
