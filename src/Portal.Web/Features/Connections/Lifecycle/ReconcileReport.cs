namespace Portal.Web.Features.Connections.Lifecycle;

/// <summary>What one reconciliation cycle did.</summary>
public sealed record ReconcileReport(int Checked, int Regions, int Changed, int RegionsFailed);
