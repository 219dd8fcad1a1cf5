namespace Portal.Web.Data;

/// <summary>
/// Carries short messages to every portal instance on the same database: PostgreSQL's LISTEN/NOTIFY when the portal
/// runs on PostgreSQL, nothing at all on SQLite (one process, whose in-process fan-out is enough).
/// </summary>
public interface IChangeChannel
{
    /// <summary>Sends the message to the other instances; a failure is logged, never thrown to the sender.</summary>
    Task SendAsync(string message, CancellationToken cancellationToken = default);

    /// <param name="onMessage">Called with every message another instance sends.</param>
    /// <param name="onResync">Called after the listener lost its connection and listens again: messages may have been
    /// missed meanwhile, so whatever is shown should be read again.</param>
    IDisposable Listen(Func<string, Task> onMessage, Func<Task> onResync);
}
