namespace Portal.Web.Provisioning.Regions;

/// <summary>Per-region settings: what customers allowlist and where our endpoints live. Seeded from configuration, edited by support.</summary>
public sealed class RegionSetting
{
    /// <summary>AWS region code, e.g. <c>us-east-1</c>.</summary>
    public required string Code { get; set; }
    public required string DisplayName { get; set; }
    public bool Enabled { get; set; }
    /// <summary>The IAM principal customers allowlist on their endpoint service.</summary>
    public required string PrincipalArn { get; set; }
    public required string VpcId { get; set; }
    public List<string> SubnetIds { get; set; } = [];
    /// <summary>Optional security group attached to every endpoint of the region besides the workspace's own.</summary>
    public string? SecurityGroupId { get; set; }
    public List<string> EgressIps { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
