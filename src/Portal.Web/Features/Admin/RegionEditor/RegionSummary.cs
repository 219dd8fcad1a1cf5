using Portal.Web.Provisioning.Regions;

namespace Portal.Web.Features.Admin.RegionEditor;

/// <summary>A region and how many live connections it carries (disabling it does not remove them).</summary>
public sealed record RegionSummary(RegionSetting Region, int LiveConnections);
