using Amazon.Runtime;

namespace Portal.Web.Provisioning.Aws;

/// <summary>
/// Turns AWS and transport failures into <see cref="ProvisioningFailure"/>: throttling, 5xx and timeouts are
/// <see cref="ProvisioningFailureKind.Transient"/>, everything else <see cref="ProvisioningFailureKind.Permanent"/>.
/// The raw AWS code and message only ever go into <see cref="ProvisioningFailure.Detail"/>.
/// </summary>
public static class AwsErrorClassifier
{
    public const string TransientReason = "AWS is busy or did not answer in time; we will try again automatically.";

    private static readonly HashSet<string> TransientCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "RequestLimitExceeded",
        "Throttling",
        "ThrottlingException",
        "RequestThrottled",
        "RequestThrottledException",
        "TooManyRequestsException",
        "InternalError",
        "InternalFailure",
        "ServiceUnavailable",
        "Unavailable",
        "RequestTimeout",
        "RequestTimeoutException",
    };

    /// <summary>
    /// True for the failures <see cref="Classify"/> handles. Cancellation asked for by our own token is not a fault
    /// and must propagate; neither do programming errors.
    /// </summary>
    public static bool IsAwsOrTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is AmazonServiceException or AmazonClientException or HttpRequestException or TimeoutException or OperationCanceledException or IOException;

    public static ProvisioningFailure Classify(Exception exception, AwsOperation operation) => exception switch
    {
        AmazonServiceException { ErrorCode: null or "" } service when IsTransport(service.InnerException) =>
            Transient($"{service.InnerException!.GetType().Name}: {service.Message}"),
        AmazonServiceException service => FromErrorCode(service.ErrorCode, service.Message, (int)service.StatusCode, operation),
        AmazonClientException client when IsTransport(client.InnerException) => Transient($"{client.GetType().Name}: {client.Message}"),
        AmazonClientException client => Permanent($"ClientError: {client.Message}", operation),
        // A timeout surfaces as TaskCanceledException (HttpClient.Timeout) when our own token was not cancelled.
        _ => Transient($"{exception.GetType().Name}: {exception.Message}"),
    };

    /// <summary>Classifies an error AWS reported as data, e.g. an item of DeleteVpcEndpoints' Unsuccessful list.</summary>
    public static ProvisioningFailure FromErrorCode(string? errorCode, string? message, int statusCode, AwsOperation operation)
    {
        var detail = $"{(string.IsNullOrEmpty(errorCode) ? $"HTTP {statusCode}" : errorCode)}: {message}";
        return statusCode >= 500 || (errorCode is not null && TransientCodes.Contains(errorCode))
            ? Transient(detail)
            : Permanent(detail, operation);
    }

    public static string PermanentReason(AwsOperation operation) => operation switch
    {
        AwsOperation.Verify => "We could not check this endpoint service; support has been notified.",
        AwsOperation.Create => "We could not create this endpoint; support has been notified.",
        AwsOperation.Describe => "We could not read this endpoint's status from AWS; support has been notified.",
        AwsOperation.Delete => "We could not delete this endpoint; support has been notified.",
        _ => "Something went wrong on our side; support has been notified.",
    };

    private static bool IsTransport(Exception? inner) =>
        inner is HttpRequestException or TimeoutException or OperationCanceledException or IOException;

    private static ProvisioningFailure Transient(string detail) => new(ProvisioningFailureKind.Transient, TransientReason, detail);

    private static ProvisioningFailure Permanent(string detail, AwsOperation operation) =>
        new(ProvisioningFailureKind.Permanent, PermanentReason(operation), detail);
}
