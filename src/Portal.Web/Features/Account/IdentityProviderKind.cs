namespace Portal.Web.Features.Account;

public enum IdentityProviderKind
{
    /// <summary>Microsoft Entra ID: Microsoft.Identity.Web's issuer check (the token's <c>tid</c> against the Entra issuer templates).</summary>
    Entra,

    /// <summary>
    /// Any other OpenID Connect provider: the token's issuer must equal the <c>issuer</c> of the authority's discovery document.
    /// </summary>
    OpenIdConnect,
}
