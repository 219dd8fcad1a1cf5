namespace Portal.Web.Features.Notifications;

/// <summary>The outcome of one attempt to send a delivery.</summary>
public sealed record SendResult(bool Delivered, bool Retryable, int? HttpStatus = null, string? Error = null)
{
    public static readonly SendResult Ok = new(true, false);

    public static SendResult Retry(string error, int? httpStatus = null) => new(false, true, httpStatus, error);

    public static SendResult GiveUp(string error, int? httpStatus = null) => new(false, false, httpStatus, error);
}
