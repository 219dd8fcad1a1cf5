namespace Portal.Web.Features.Api.Contracts;

/// <summary>What the wizard asks for: a region and the endpoint service name, as typed (the portal normalises and checks it),
/// and the connection's name (the wizard's suggestion, region and service id, when left out) and optional description.</summary>
public sealed record ApiConnectionInput(string? Region, string? ServiceName, string? Name = null, string? Description = null);
