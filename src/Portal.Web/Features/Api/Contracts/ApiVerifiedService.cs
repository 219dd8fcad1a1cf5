namespace Portal.Web.Features.Api.Contracts;

/// <summary>The wizard's "verify" answer: the service exists, allowlists our principal and shares zones with us.</summary>
/// <param name="Note">What the portal changed in the typed name (spaces, capitals), or null.</param>
public sealed record ApiVerifiedService(string ServiceName, string? Note, bool AcceptanceRequired, string? PrivateDnsName, IReadOnlyList<string> SharedZoneIds);
