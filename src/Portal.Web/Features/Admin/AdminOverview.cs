using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Admin;

public sealed record AdminOverview(IReadOnlyList<StatusCount> ByStatus, int EnabledRegions, int Regions, int EgressRequestsLastWeek)
{
    public int Connections => ByStatus.Sum(s => s.Count);

    public int CountOf(ConnectionStatus status) => ByStatus.FirstOrDefault(s => s.Status == status)?.Count ?? 0;
}
