namespace Portal.Web.Features.Account;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class PortalIdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>The claim that lists the workspaces a user belongs to.</summary>
    public string WorkspaceClaimType { get; set; } = "workspaces";

    /// <summary>
    /// Offers the demo identities of <see cref="DemoIdentities"/>. On by default in Development only;
    /// anywhere else it must be switched on explicitly.
    /// </summary>
    public bool? DevelopmentSignIn { get; set; }

    /// <summary>Which kind of OpenID Connect provider the <c>AzureAd</c> section points at; decides how the token's issuer is checked.</summary>
    public IdentityProviderKind Provider { get; set; } = IdentityProviderKind.Entra;

    /// <summary>How long a sign-in lasts. Absolute: an open page signs out when it is over (see <see cref="SessionExpiry"/>).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often an open page (a Blazor circuit) checks that its sign-in is still valid.</summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsDevelopmentSignInEnabled(IHostEnvironment environment) =>
        DevelopmentSignIn ?? environment.IsDevelopment();
}
