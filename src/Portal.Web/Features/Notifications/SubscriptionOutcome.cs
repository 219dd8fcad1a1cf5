namespace Portal.Web.Features.Notifications;

/// <summary>The result of adding a subscription: an input error, or the subscription (and a new webhook's secret, shown once).</summary>
public sealed record SubscriptionOutcome(string? Error, SubscriptionView? Subscription = null, string? Secret = null)
{
    public bool Succeeded => Error is null;

    public static SubscriptionOutcome Invalid(string error) => new(error);
}
