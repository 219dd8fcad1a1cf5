namespace Portal.Web.Features.Api;

/// <summary>
/// The <c>Api:Bearer</c> section. Microsoft.Identity.Web reads it as a <c>MicrosoftIdentityOptions</c> (Instance,
/// TenantId, ClientId, or Authority); these are the settings the portal adds so any OpenID Connect provider can issue
/// the API's tokens, not only Entra ID.
/// </summary>
public sealed class ApiBearerOptions
{
    public const string SectionName = "Api:Bearer";

    /// <summary>Entra ID: leave empty and set Instance and TenantId. Any other provider: its issuer URL.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The <c>aud</c> the tokens carry. Defaults to ClientId with Authority; with Entra ID (Instance, TenantId) to ClientId and <c>api://{ClientId}</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>Accepted <c>iss</c> values when Authority is set; defaults to the Authority itself.</summary>
    public string[] ValidIssuers { get; set; } = [];

    /// <summary>Where the provider's discovery document is; defaults to <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);
}
