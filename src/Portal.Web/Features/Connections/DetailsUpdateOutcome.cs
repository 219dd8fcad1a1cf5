using Portal.Web.Features.Connections.Naming;

namespace Portal.Web.Features.Connections;

/// <summary>What came of renaming a connection or changing its description.</summary>
/// <param name="Found">False when there is no such connection in the caller's workspace.</param>
/// <param name="Errors">Why the new name or description was refused; nothing was saved.</param>
/// <param name="Changes">What changed, as noted on the timeline; empty when the details were already so.</param>
public sealed record DetailsUpdateOutcome(bool Found, ConnectionDetailsErrors? Errors, IReadOnlyList<string> Changes)
{
    public static readonly DetailsUpdateOutcome NotFound = new(false, null, []);

    public bool Saved => Found && Errors is null;

    public static DetailsUpdateOutcome Refused(ConnectionDetailsErrors errors) => new(true, errors, []);
}
