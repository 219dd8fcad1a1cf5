using Portal.Web.Provisioning.Regions;

namespace Portal.Web.Features.Admin.RegionEditor;

/// <summary>What support may change on a region. Validated by <see cref="RegionSettingsValidator"/> in the form and again on save.</summary>
public sealed class RegionSettingsInput
{
    public string Code { get; set; } = "";
    public bool Enabled { get; set; }
    public string DisplayName { get; set; } = "";
    public string PrincipalArn { get; set; } = "";
    public string VpcId { get; set; } = "";
    public List<string> SubnetIds { get; set; } = [];
    public string? SecurityGroupId { get; set; }
    public List<string> EgressIps { get; set; } = [];

    /// <summary>When the settings the editor started from were saved; a different value on save means someone else saved in between.</summary>
    public DateTimeOffset LoadedUpdatedAt { get; set; }

    public static RegionSettingsInput From(RegionSetting region) => new()
    {
        Code = region.Code,
        Enabled = region.Enabled,
        DisplayName = region.DisplayName,
        PrincipalArn = region.PrincipalArn,
        VpcId = region.VpcId,
        SubnetIds = [.. region.SubnetIds],
        SecurityGroupId = region.SecurityGroupId,
        EgressIps = [.. region.EgressIps],
        LoadedUpdatedAt = region.UpdatedAt,
    };

    /// <summary>Trims every value and drops blank list entries, so stray spaces and empty lines never fail validation.</summary>
    public RegionSettingsInput Normalized() => new()
    {
        Code = Code.Trim(),
        Enabled = Enabled,
        DisplayName = DisplayName.Trim(),
        PrincipalArn = PrincipalArn.Trim(),
        VpcId = VpcId.Trim(),
        SubnetIds = SplitLines(SubnetIds),
        SecurityGroupId = string.IsNullOrWhiteSpace(SecurityGroupId) ? null : SecurityGroupId.Trim(),
        EgressIps = SplitLines(EgressIps),
        LoadedUpdatedAt = LoadedUpdatedAt,
    };

    /// <summary>One value per line (commas and spaces also separate), as typed into a text area.</summary>
    public static List<string> SplitLines(IEnumerable<string> values) =>
        [.. values.SelectMany(v => v.Split(['\n', '\r', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
