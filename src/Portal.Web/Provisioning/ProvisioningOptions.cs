namespace Portal.Web.Provisioning;

/// <summary>The <c>Provisioning</c> configuration section.</summary>
public sealed class ProvisioningOptions
{
    public const string SectionName = "Provisioning";

    /// <summary><see cref="ProvisionerMode.Simulated"/> (default, no AWS account needed) or <see cref="ProvisionerMode.Aws"/>.</summary>
    public ProvisionerMode Mode { get; set; } = ProvisionerMode.Simulated;
}
