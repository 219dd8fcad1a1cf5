using System.Diagnostics.CodeAnalysis;
using FluentValidation.Results;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections.ServiceNames;

public enum ServiceNameErrorCode
{
    Empty,
    TooLong,
    ContainsSpaces,
    AwsServiceName,
    ServiceIdOnly,
    EndpointId,
    Arn,
    Url,
    DnsName,
    InvalidServiceId,
    UnknownRegion,
    RegionMismatch,
    InvalidFormat,
    AlreadyConnected,
}

/// <summary>What we changed while normalising the input; the UI shows <see cref="ServiceNameParseResult.Note"/> for it.</summary>
[Flags]
public enum ServiceNameChanges
{
    None = 0,
    Trimmed = 1,
    Lowercased = 2,
}

/// <summary>A link the UI renders under the message, e.g. to the connection that already uses this service.</summary>
public sealed record ServiceNameLink(string Href, string Text);

/// <param name="Suggestion">A corrected full service name the UI may offer to use instead, when we could work one out.</param>
public sealed record ServiceNameError(ServiceNameErrorCode Code, string Message, string? Suggestion = null, ServiceNameLink? Link = null)
{
    /// <summary>As a FluentValidation failure; the error itself travels in <see cref="ValidationFailure.CustomState"/>.</summary>
    public ValidationFailure ToValidationFailure(string propertyName, object? attemptedValue) =>
        new(propertyName, Message, attemptedValue) { ErrorCode = Code.ToString(), CustomState = this };
}

public sealed class ServiceNameParseResult
{
    private ServiceNameParseResult(EndpointServiceName? name, ServiceNameError? error, ServiceNameChanges changes) =>
        (Name, Error, Changes) = (name, error, changes);

    public EndpointServiceName? Name { get; }
    public ServiceNameError? Error { get; }
    public ServiceNameChanges Changes { get; }

    [MemberNotNullWhen(true, nameof(Name))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    /// <summary>A visible note such as "We removed surrounding spaces and changed capitals to lower case.", or null.</summary>
    public string? Note => ServiceNameMessages.Note(Changes);

    internal static ServiceNameParseResult Valid(EndpointServiceName name, ServiceNameChanges changes) => new(name, null, changes);
    internal static ServiceNameParseResult Invalid(ServiceNameError error, ServiceNameChanges changes) => new(null, error, changes);
}
