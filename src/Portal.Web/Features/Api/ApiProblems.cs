using System.Globalization;
using Portal.Web.Features.Connections.Naming;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Api;

/// <summary>
/// Every error of the API as RFC 9457 problem details. <c>type</c> names the problem (a URN, stable for clients),
/// <c>detail</c> carries the message the portal's pages show for the same case, word for word.
/// </summary>
public static class ApiProblems
{
    public const string TypePrefix = "urn:privatelink-portal:problem:";

    /// <summary>The wizard's message for the input; <c>field</c> says whether the region or the service name is wrong.</summary>
    public static IResult InvalidInput(ServiceNameError error)
    {
        var field = IsAboutChosenRegion(error) ? "region" : "serviceName";
        return Problem(error.Code == ServiceNameErrorCode.AlreadyConnected ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
            Code(error.Code.ToString()), error.Code == ServiceNameErrorCode.AlreadyConnected ? "Already connected" : "Invalid input", error.Message,
            new Dictionary<string, object?> { ["code"] = error.Code.ToString(), ["field"] = field, ["suggestion"] = error.Suggestion });
    }

    /// <summary>
    /// The name or description was refused: badly formed (400), the name is taken in the workspace (409), or the
    /// connection is deleted and keeps its name (409).
    /// </summary>
    public static IResult InvalidDetails(ConnectionDetailsErrors errors)
    {
        var (field, message) = errors.Name is { } name ? ("name", name) : ("description", errors.Description!);
        var (status, type, title, code) = errors.Reason switch
        {
            DetailsRefusal.NameTaken => (StatusCodes.Status409Conflict, "name-taken", "Name taken", "NameTaken"),
            DetailsRefusal.Deleted => (StatusCodes.Status409Conflict, "connection-deleted", "Connection deleted", "ConnectionDeleted"),
            _ => (StatusCodes.Status400BadRequest, "invalid-details", "Invalid input", "InvalidDetails"),
        };
        return Problem(status, Code(type), title, message, new Dictionary<string, object?> { ["code"] = code, ["field"] = field });
    }

    /// <summary>The service layer reports a failure of the region field as <see cref="ServiceNameErrorCode.UnknownRegion"/> with the region rule's message.</summary>
    private static bool IsAboutChosenRegion(ServiceNameError error) =>
        error.Code == ServiceNameErrorCode.UnknownRegion
        && (error.Message == ServiceNameMessages.ChooseRegion || error.Message.StartsWith("We do not offer PrivateLink in ", StringComparison.Ordinal));

    public static IResult TooManyRequests(HttpContext http, string message, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status429TooManyRequests, Code("rate-limited"), "Too many requests", message);
    }

    public static IResult VerificationFailed(ProvisioningFailure failure) =>
        Problem(failure.IsTransient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status422UnprocessableEntity,
            Code(Kebab(failure.Kind.ToString())), "Verification failed", failure.Reason,
            new Dictionary<string, object?> { ["code"] = failure.Kind.ToString(), ["serviceZones"] = failure.ServiceZones, ["ourZones"] = failure.OurZones });

    public static IResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, Code("not-found"), "Not found", detail);

    public static IResult Conflict(string code, string detail) =>
        Problem(StatusCodes.Status409Conflict, Code(code), "Conflict", detail);

    public static IResult BadRequest(string code, string detail) =>
        Problem(StatusCodes.Status400BadRequest, Code(code), "Bad request", detail);

    public static IResult IdempotencyKeyReused() =>
        Problem(StatusCodes.Status422UnprocessableEntity, Code("idempotency-key-reused"), "Idempotency-Key reused",
            "This Idempotency-Key was already used for a different request (another region or service name). Use a new key for a new request.");

    public static IResult NotAMember(string workspaceId) =>
        Problem(StatusCodes.Status403Forbidden, Code("not-a-member"), "Forbidden", $"You are not a member of workspace {workspaceId}.");

    public static IResult Problem(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: type, extensions: extensions?.Where(e => e.Value is not null).ToDictionary());

    internal static string Code(string code) => TypePrefix + Kebab(code);

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
