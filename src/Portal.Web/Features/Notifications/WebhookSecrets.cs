using Microsoft.AspNetCore.DataProtection;

namespace Portal.Web.Features.Notifications;

/// <summary>Webhook secrets are stored protected by ASP.NET Data Protection (the app's key ring), never in clear.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Portal.Notifications.WebhookSecret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
