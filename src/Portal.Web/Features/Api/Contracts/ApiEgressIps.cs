namespace Portal.Web.Features.Api.Contracts;

public sealed record ApiEgressIps(string Region, string RegionName, IReadOnlyList<string> Ips, DateTimeOffset RequestedAt);
