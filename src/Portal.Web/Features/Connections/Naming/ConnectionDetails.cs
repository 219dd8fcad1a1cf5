namespace Portal.Web.Features.Connections.Naming;

/// <summary>What the customer calls a connection and notes about it, as typed.</summary>
public sealed record ConnectionDetails(string? Name, string? Description);
