using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Api.Contracts;

/// <summary>One entry of a connection's timeline; <c>fromStatus</c> equals <c>toStatus</c> for a note (a retry, a teardown).</summary>
public sealed record ApiTimelineEntry(DateTimeOffset At, ConnectionStatus? FromStatus, ConnectionStatus ToStatus, string Message, string Actor)
{
    public static ApiTimelineEntry From(ConnectionEvent e) => new(e.At, e.FromStatus, e.ToStatus, e.Message, e.Actor);
}
