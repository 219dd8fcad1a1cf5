using System.Diagnostics.CodeAnalysis;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections.ServiceNames;

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
