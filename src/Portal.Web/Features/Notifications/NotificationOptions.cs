namespace Portal.Web.Features.Notifications;

/// <summary>Configuration section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Runs the dispatcher (sending and reminders) in this instance.</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Attempts per delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long a dispatcher owns a claimed delivery before another instance may take it over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
    public int BatchSize { get; set; } = 20;
    /// <summary>How long before a pending acceptance expires its reminder goes out.</summary>
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromHours(24);
    /// <summary>
    /// Finished deliveries (delivered or failed) older than this leave the delivery log; pending ones stay until they
    /// finish. Never less than a day.
    /// </summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(30);
    /// <summary><see cref="LogRetention"/>, at least a day.</summary>
    public TimeSpan LogKeptFor => LogRetention < TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : LogRetention;
    /// <summary>The portal's public address, for links in notifications; none when empty.</summary>
    public string? PortalUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
    public WebhookOptions Webhooks { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>No host: the e-mail channel is off.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>MailKit's <c>SecureSocketOptions</c>: Auto, None, StartTls, StartTlsWhenAvailable, SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "PrivateLink Portal <no-reply@portal.invalid>";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public sealed class WebhookOptions
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>
    /// Development and tests only: lets webhooks target loopback addresses over http. Private, link-local and
    /// metadata addresses stay refused.
    /// </summary>
    public bool AllowLoopback { get; set; }
}
