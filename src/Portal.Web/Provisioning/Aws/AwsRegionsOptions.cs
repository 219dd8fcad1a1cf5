using Portal.Web.Provisioning.Regions;

namespace Portal.Web.Provisioning.Aws;

/// <summary>
/// The <c>Regions</c> section as the AWS provisioner sees it: RoleArn and ServiceUrl are read from here,
/// while VPC, subnets and principal are read from the database at call time (support may have edited them).
/// </summary>
public sealed class AwsRegionsOptions
{
    public const string SectionName = "Regions";

    public Dictionary<string, RegionOptions> Regions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public RegionOptions? Find(string region) => Regions.GetValueOrDefault(region);
}
