namespace Portal.Web.Provisioning.Regions;

/// <summary>The <c>Regions</c> configuration section, keyed by region code. Seeds <see cref="RegionSetting"/> rows on first start.</summary>
public sealed class RegionOptions
{
    public string DisplayName { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public string PrincipalArn { get; set; } = "";
    public string VpcId { get; set; } = "";
    public List<string> SubnetIds { get; set; } = [];
    public string? SecurityGroupId { get; set; }
    public List<string> EgressIps { get; set; } = [];

    /// <summary>AWS mode only: a role to assume for this region's EC2 calls.</summary>
    public string? RoleArn { get; set; }
    /// <summary>AWS mode only: an EC2-compatible endpoint to call instead of AWS (e.g. an emulator).</summary>
    public string? ServiceUrl { get; set; }
}
