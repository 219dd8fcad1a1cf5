namespace Portal.Web.Features.Connections;

/// <summary>One entry of a connection's timeline.</summary>
public sealed class ConnectionEvent
{
    public long Id { get; set; }
    public Guid ConnectionId { get; set; }
    public DateTimeOffset At { get; set; }
    public ConnectionStatus? FromStatus { get; set; }
    public ConnectionStatus ToStatus { get; set; }
    public required string Message { get; set; }
    /// <summary>Who caused it: a user's name, or "system" for the worker and reconciler.</summary>
    public required string Actor { get; set; }
}
