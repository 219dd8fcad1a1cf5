using System.Text.RegularExpressions;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections.ServiceNames;

/// <summary>
/// Reads what a customer typed as an endpoint service name: trims and lower-cases it, recognises the common mistakes
/// (an AWS service name, a bare service id, an endpoint id, an ARN, a URL or DNS name) and names each, and checks the
/// region. The only place a typed name becomes an <see cref="EndpointServiceName"/>.
/// </summary>
public static partial class ServiceNameParser
{
    public const int MaxInputLength = 255;
    private const string Prefix = EndpointServiceName.Prefix;
    private const string ServiceIdPrefix = EndpointServiceName.ServiceIdPrefix;

    /// <param name="chosenRegion">The region the customer picked; the name must be in it. Null skips that check.</param>
    /// <param name="offeredRegions">Regions we offer PrivateLink in; null skips that check.</param>
    public static ServiceNameParseResult Parse(string? input, string? chosenRegion = null, IReadOnlyCollection<string>? offeredRegions = null)
    {
        var raw = input ?? "";
        var trimmed = raw.Trim();
        var text = trimmed.ToLowerInvariant();
        var changes = (trimmed.Length != raw.Length ? ServiceNameChanges.Trimmed : ServiceNameChanges.None)
            | (!string.Equals(text, trimmed, StringComparison.Ordinal) ? ServiceNameChanges.Lowercased : ServiceNameChanges.None);

        var error = Diagnose(text, chosenRegion, offeredRegions, out var name);
        return error is null ? ServiceNameParseResult.Valid(name!, changes) : ServiceNameParseResult.Invalid(error, changes);
    }

    private static ServiceNameError? Diagnose(string text, string? chosen, IReadOnlyCollection<string>? offered, out EndpointServiceName? name)
    {
        name = null;
        if (text.Length == 0)
        {
            return new(ServiceNameErrorCode.Empty, ServiceNameMessages.Empty(chosen));
        }
        if (text.Length > MaxInputLength)
        {
            return new(ServiceNameErrorCode.TooLong, ServiceNameMessages.TooLong(chosen));
        }
        if (text.Any(char.IsWhiteSpace))
        {
            return new(ServiceNameErrorCode.ContainsSpaces, ServiceNameMessages.ContainsSpaces);
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && DiagnoseEndpointDnsName(uri.Host) is { } dnsError
                ? dnsError
                : new(ServiceNameErrorCode.Url, ServiceNameMessages.Url(chosen));
        }
        if (text.StartsWith("arn:", StringComparison.Ordinal))
        {
            var arn = ServiceArnPattern().Match(text);
            return arn.Success && Suggest(arn.Groups["region"].Value, arn.Groups["id"].Value) is { } fromArn
                ? new(ServiceNameErrorCode.Arn, ServiceNameMessages.ServiceArn(fromArn), fromArn)
                : new(ServiceNameErrorCode.Arn, ServiceNameMessages.OtherArn(chosen));
        }
        if (BareServiceIdPattern().IsMatch(text))
        {
            var suggestion = string.IsNullOrEmpty(chosen) ? null : Suggest(chosen, text);
            return new(ServiceNameErrorCode.ServiceIdOnly, ServiceNameMessages.ServiceIdOnly(text, chosen), suggestion);
        }
        if (EndpointIdPattern().IsMatch(text))
        {
            return new(ServiceNameErrorCode.EndpointId, ServiceNameMessages.EndpointId(text, chosen));
        }
        if (DiagnoseEndpointDnsName(text) is { } endpointDnsError)
        {
            return endpointDnsError;
        }

        var parts = text.Split('.');
        if (text.StartsWith(Prefix, StringComparison.Ordinal) && parts.Length == 5 && parts[4].StartsWith(ServiceIdPrefix, StringComparison.Ordinal))
        {
            return DiagnoseFullName(parts[3], parts[4], chosen, offered, out name);
        }
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) && AwsServicePattern().IsMatch(text))
        {
            return new(ServiceNameErrorCode.AwsServiceName, ServiceNameMessages.AwsServiceName(text));
        }
        if (!text.StartsWith("com.amazonaws.", StringComparison.Ordinal) && HostPattern().IsMatch(text))
        {
            return new(ServiceNameErrorCode.DnsName, ServiceNameMessages.HostName(chosen));
        }
        return new(ServiceNameErrorCode.InvalidFormat, ServiceNameMessages.InvalidFormat(chosen));
    }

    private static ServiceNameError? DiagnoseFullName(string region, string serviceId, string? chosen, IReadOnlyCollection<string>? offered, out EndpointServiceName? name)
    {
        name = null;
        if (!RegionPattern().IsMatch(region))
        {
            return new(ServiceNameErrorCode.UnknownRegion, ServiceNameMessages.NotARegion(region));
        }
        var hex = serviceId[ServiceIdPrefix.Length..];
        var bad = hex.FirstOrDefault(c => !char.IsAsciiHexDigitLower(c));
        if (bad != default)
        {
            return new(ServiceNameErrorCode.InvalidServiceId, ServiceNameMessages.NonHexServiceId(serviceId, bad));
        }
        if (hex.Length is not (17 or 8))
        {
            return new(ServiceNameErrorCode.InvalidServiceId, ServiceNameMessages.ServiceIdLength(serviceId, hex.Length));
        }
        if (offered is not null && !offered.Contains(region))
        {
            return new(ServiceNameErrorCode.UnknownRegion, ServiceNameMessages.RegionNotOffered(region, offered));
        }
        if (!string.IsNullOrEmpty(chosen) && !string.Equals(chosen, region, StringComparison.OrdinalIgnoreCase))
        {
            return new(ServiceNameErrorCode.RegionMismatch, ServiceNameMessages.RegionMismatch(region, chosen));
        }
        name = EndpointServiceName.Create(region, serviceId);
        return null;
    }

    private static ServiceNameError? DiagnoseEndpointDnsName(string host)
    {
        var dns = EndpointDnsPattern().Match(host);
        if (!dns.Success)
        {
            return null;
        }
        var suggestion = Suggest(dns.Groups["region"].Value, dns.Groups["id"].Value);
        return suggestion is null
            ? new(ServiceNameErrorCode.DnsName, ServiceNameMessages.HostName(null))
            : new(ServiceNameErrorCode.DnsName, ServiceNameMessages.EndpointDnsName(suggestion), suggestion);
    }

    /// <summary>The full name for a region and service id, only when that would itself be a valid name.</summary>
    private static string? Suggest(string region, string serviceId) =>
        Parse($"{Prefix}{region}.{serviceId}").Name?.Value;

    [GeneratedRegex(@"^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^vpce-svc-[0-9a-z]+$")]
    private static partial Regex BareServiceIdPattern();

    [GeneratedRegex(@"^vpce-[0-9a-z]+$")]
    private static partial Regex EndpointIdPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:ec2:(?<region>[a-z0-9-]*):\d*:vpc-endpoint-service/(?<id>vpce-svc-[0-9a-z]+)$")]
    private static partial Regex ServiceArnPattern();

    /// <summary>Endpoint DNS names: <c>vpce-…-….vpce-svc-….us-east-1.vpce.amazonaws.com</c>, zonal ones and <c>*.</c> forms included.</summary>
    [GeneratedRegex(@"(?:^|\.)(?<id>vpce-svc-[0-9a-z]+)\.(?<region>[a-z0-9-]+)\.vpce\.amazonaws\.com\.?$")]
    private static partial Regex EndpointDnsPattern();

    /// <summary>AWS's own services: <c>com.amazonaws.us-east-1.s3</c>, <c>aws.sagemaker.us-east-1.notebook</c>.</summary>
    [GeneratedRegex(@"^(?:com\.amazonaws|aws\.[a-z0-9-]+)\.[a-z0-9-]+\.[a-z0-9.-]+$")]
    private static partial Regex AwsServicePattern();

    [GeneratedRegex(@"^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$")]
    private static partial Regex HostPattern();
}
