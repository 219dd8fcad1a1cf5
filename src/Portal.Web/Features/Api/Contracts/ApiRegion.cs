namespace Portal.Web.Features.Api.Contracts;

/// <summary>A region the portal offers PrivateLink in, with the principal to allowlist on the endpoint service there.</summary>
public sealed record ApiRegion(string Code, string DisplayName, string PrincipalArn);
