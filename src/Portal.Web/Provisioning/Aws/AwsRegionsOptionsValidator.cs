using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Portal.Web.Provisioning.Aws;

/// <summary>Fails start-up in AWS mode when a region's settings are incomplete, naming the region and the key.</summary>
public sealed partial class AwsRegionsOptionsValidator : IValidateOptions<AwsRegionsOptions>
{
    private const string WhenAws = "when Provisioning:Mode is Aws";

    public ValidateOptionsResult Validate(string? name, AwsRegionsOptions options)
    {
        var errors = new List<string>();
        if (options.Regions.Count == 0)
        {
            errors.Add($"{AwsRegionsOptions.SectionName}: at least one region is required {WhenAws}");
        }

        foreach (var (code, region) in options.Regions.Where(r => r.Value.Enabled))
        {
            var key = $"{AwsRegionsOptions.SectionName}:{code}";
            if (string.IsNullOrWhiteSpace(region.PrincipalArn))
            {
                errors.Add($"{key}:PrincipalArn is required {WhenAws}");
            }
            if (string.IsNullOrWhiteSpace(region.VpcId))
            {
                errors.Add($"{key}:VpcId is required {WhenAws}");
            }
            if (region.SubnetIds.Count == 0 || region.SubnetIds.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{key}:SubnetIds needs at least one subnet id (and no empty entries) {WhenAws}");
            }
            if (!string.IsNullOrWhiteSpace(region.RoleArn) && !RoleArn().IsMatch(region.RoleArn))
            {
                errors.Add($"{key}:RoleArn must be an IAM role ARN such as arn:aws:iam::111122223333:role/portal-ec2, not '{region.RoleArn}'");
            }
            if (!string.IsNullOrWhiteSpace(region.ServiceUrl)
                && !(Uri.TryCreate(region.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            {
                errors.Add($"{key}:ServiceUrl must be an absolute http(s) URL, not '{region.ServiceUrl}'");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/.+$")]
    private static partial Regex RoleArn();
}
