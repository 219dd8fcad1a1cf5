namespace Portal.Web.Features.Connections.Naming;

/// <summary>Why the name or the description was refused, per field, in words for the customer.</summary>
public sealed record ConnectionDetailsErrors(string? Name, string? Description);
