using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Web.Hosting.Limits;

/// <summary>How every HTTP rate-limit policy refuses; the features that own an endpoint add its policy.</summary>
internal static class HttpRateLimiting
{
    public static IServiceCollection AddPortalHttpRateLimiter(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRefusalAsync;
        });

    private static async ValueTask WriteRefusalAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A body keeps the status-code pages from replacing the message with a generic error page.
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(LimitMessages.GoingTooFast(retryAfter), cancellationToken);
    }
}
