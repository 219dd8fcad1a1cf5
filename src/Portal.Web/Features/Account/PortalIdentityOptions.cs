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

    public bool IsDevelopmentSignInEnabled(IHostEnvironment environment) =>
        DevelopmentSignIn ?? environment.IsDevelopment();
}
