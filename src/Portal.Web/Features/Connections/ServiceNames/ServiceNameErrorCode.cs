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
