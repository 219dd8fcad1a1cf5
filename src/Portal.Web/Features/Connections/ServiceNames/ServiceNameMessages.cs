namespace Portal.Web.Features.Connections.ServiceNames;

/// <summary>Every sentence customers read about a service name, in one place so the wizard, the server and the tests agree.</summary>
public static class ServiceNameMessages
{
    public const string NameFormat = "com.amazonaws.vpce.<region>.vpce-svc-<id>";
    public const string ChooseRegion = "Choose a region.";
    public const string AlreadyConnected = "This service is already connected in this workspace. Use the existing connection instead of creating a second one.";
    public const string OpenExistingConnection = "Open the existing connection";
    public const string ContainsSpaces = "The name has spaces or line breaks inside it. Paste it again as one piece, without spaces.";

    private const string WhereToFindIt = "Enter the service name shown in the VPC console under Endpoint services";

    /// <summary>An example name in the chosen region, so the hint reads like the customer's own.</summary>
    public static string Example(string? region) =>
        $"com.amazonaws.vpce.{(string.IsNullOrEmpty(region) ? "us-east-1" : region)}.vpce-svc-0123456789abcdef0";

    public static string Empty(string? region) => $"Enter the name of your endpoint service, for example {Example(region)}.";

    public static string TooLong(string? region) =>
        $"That is far too long for an endpoint service name (they are about 60 characters). Paste only the name, for example {Example(region)}.";

    public static string AwsServiceName(string name) =>
        $"{name} is an AWS service, not your endpoint service. Enter the name of the endpoint service in front of your Network Load Balancer; it starts with com.amazonaws.vpce.";

    public static string ServiceIdOnly(string serviceId, string? region) => string.IsNullOrEmpty(region)
        ? $"That is only the service ID. Enter the full service name: com.amazonaws.vpce.<region>.{serviceId}."
        : $"That is only the service ID. Enter the full service name: com.amazonaws.vpce.{region}.{serviceId} if the service is in {region}.";

    public static string EndpointId(string endpointId, string? region) =>
        $"{endpointId} is the ID of a VPC endpoint, not the name of an endpoint service. {WhereToFindIt}, for example {Example(region)}.";

    public static string ServiceArn(string suggestion) =>
        $"That is the ARN of an endpoint service. Enter its service name instead: {suggestion}.";

    public static string OtherArn(string? region) => $"That is an ARN, not an endpoint service name. {WhereToFindIt}, for example {Example(region)}.";

    public static string Url(string? region) => $"That is a web address, not an endpoint service name. {WhereToFindIt}, for example {Example(region)}.";

    public static string EndpointDnsName(string suggestion) =>
        $"That is the DNS name of a VPC endpoint, not the name of an endpoint service. The service it points to is {suggestion}.";

    public static string HostName(string? region) =>
        $"That looks like a host name, not an endpoint service name. PrivateLink connects to an endpoint service in front of your host (through a Network Load Balancer); enter that service's name, for example {Example(region)}.";

    public static string NonHexServiceId(string serviceId, char bad) =>
        $"The service ID {serviceId} contains \"{bad}\", but only the digits 0-9 and the letters a-f are allowed. Check the name for typing mistakes.";

    public static string ServiceIdLength(string serviceId, int length) =>
        $"The service ID {serviceId} has {length} characters after vpce-svc-, but it should have 17 (or 8 for older services). Check that the whole name was copied.";

    public static string NotARegion(string region) =>
        $"\"{region}\" is not an AWS region. Check the region part of the name, after com.amazonaws.vpce.";

    public static string RegionNotOffered(string region, IEnumerable<string> offered) =>
        $"This service is in {region}, where we do not offer PrivateLink. We offer: {List(offered)}.";

    /// <summary>For the region field itself, when a region we do not offer was chosen.</summary>
    public static string ChosenRegionNotOffered(string region, IEnumerable<string> offered) =>
        $"We do not offer PrivateLink in {region}. Choose one of: {List(offered)}.";

    public static string RegionMismatch(string nameRegion, string chosenRegion) =>
        $"This service is in {nameRegion}, but you chose {chosenRegion}. Pick {nameRegion} as the region, or check the name.";

    public static string InvalidFormat(string? region) => $"That is not an endpoint service name. It should look like {Example(region)}.";

    private static string List(IEnumerable<string> regions) => string.Join(", ", regions.Order(StringComparer.Ordinal));

    public static string? Note(ServiceNameChanges changes) => changes switch
    {
        ServiceNameChanges.Trimmed | ServiceNameChanges.Lowercased => "We removed surrounding spaces and changed capitals to lower case.",
        ServiceNameChanges.Trimmed => "We removed surrounding spaces.",
        ServiceNameChanges.Lowercased => "We changed capitals to lower case.",
        _ => null,
    };
}
