namespace Portal.Web.Features.Api.Contracts;

/// <summary>A connection's timeline, newest first.</summary>
public sealed record ApiTimeline(Guid ConnectionId, IReadOnlyList<ApiTimelineEntry> Items);
