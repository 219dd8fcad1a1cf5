namespace Portal.Web.Features.Api.Contracts;

/// <summary>What the wizard asks for: a region and the endpoint service name, as typed (the portal normalises and checks it).</summary>
public sealed record ApiConnectionInput(string? Region, string? ServiceName);
