namespace Portal.Web.Hosting.Limits;

public sealed record ActionLimitResult(bool IsAllowed, TimeSpan RetryAfter)
{
    public static readonly ActionLimitResult Allowed = new(true, TimeSpan.Zero);

    /// <summary>The message to show the customer, or null when the action may go ahead.</summary>
    public string? Refusal => IsAllowed ? null : LimitMessages.GoingTooFast(RetryAfter);
}
