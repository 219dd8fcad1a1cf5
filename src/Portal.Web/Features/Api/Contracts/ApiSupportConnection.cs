using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Api.Contracts;

/// <summary>A connection as support sees it: the customer's view plus what AWS last said.</summary>
public sealed record ApiSupportConnection(ApiConnection Connection, string? AwsState, string? LastAwsError, int Attempts, IReadOnlyList<ApiTimelineEntry> Timeline)
{
    public static ApiSupportConnection From(Connection c) =>
        new(ApiConnection.From(c), c.AwsState, c.LastAwsError, c.Attempts, c.Events.Select(ApiTimelineEntry.From).ToList());
}
