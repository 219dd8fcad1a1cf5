namespace Portal.Web.Features.Api.Contracts;

/// <summary>
/// A change of a connection's name or description. A property left out (or null) keeps what the connection has; an
/// empty description removes it.
/// </summary>
public sealed record ApiConnectionDetailsInput(string? Name = null, string? Description = null);
