using Portal.Web.Provisioning.Regions;

namespace Portal.Web.Features.Admin.RegionEditor;

public abstract record RegionSaveResult
{
    private RegionSaveResult() { }

    public sealed record Saved(RegionSetting Region) : RegionSaveResult;
    public sealed record Unchanged : RegionSaveResult;
    public sealed record Invalid(IReadOnlyList<string> Errors) : RegionSaveResult;
    public sealed record NotFound : RegionSaveResult;
    /// <summary>Someone saved the region after the editor loaded it.</summary>
    public sealed record Conflict(string UpdatedBy, DateTimeOffset UpdatedAt) : RegionSaveResult;
}
