namespace Portal.Web.Features.Connections.Naming;

/// <summary>Why the name or the description was refused, per field, in words for the customer.</summary>
/// <param name="Reason">What kind of refusal it is, for callers that answer differently (the API's status codes).</param>
public sealed record ConnectionDetailsErrors(string? Name, string? Description, DetailsRefusal Reason = DetailsRefusal.Invalid);

public enum DetailsRefusal
{
    /// <summary>Badly formed: empty, too long, characters not allowed.</summary>
    Invalid,
    /// <summary>Another live connection of the workspace has the name.</summary>
    NameTaken,
    /// <summary>The connection is deleted: it keeps the name it had.</summary>
    Deleted,
}
