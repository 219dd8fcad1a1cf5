using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Portal.Web.Provisioning;

/// <summary>
/// An endpoint service name in AWS's form, <c>com.amazonaws.vpce.&lt;region&gt;.vpce-svc-&lt;id&gt;</c>, with an id of
/// 17 lower-case hex characters (8 for older services and EC2 emulators). Customer input becomes one only through the
/// wizard's parser; a name read back from storage goes through <see cref="TryParseStored"/>.
/// </summary>
public sealed partial record EndpointServiceName
{
    internal const string Prefix = "com.amazonaws.vpce.";
    internal const string ServiceIdPrefix = "vpce-svc-";

    private EndpointServiceName(string region, string serviceId) =>
        (Region, ServiceId, Value) = (region, serviceId, $"{Prefix}{region}.{serviceId}");

    public string Region { get; }
    /// <summary>The <c>vpce-svc-…</c> part, as the AWS CLI's <c>--service-id</c> wants it.</summary>
    public string ServiceId { get; }
    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>For the parser, once it has checked both parts.</summary>
    internal static EndpointServiceName Create(string region, string serviceId) => new(region, serviceId);

    /// <summary>Accepts only the exact stored form: no trimming, no case folding, no diagnosis.</summary>
    public static bool TryParseStored(string? value, [NotNullWhen(true)] out EndpointServiceName? name)
    {
        var match = value is null ? null : StoredPattern().Match(value);
        name = match is { Success: true } ? new(match.Groups["region"].Value, match.Groups["id"].Value) : null;
        return name is not null;
    }

    public static EndpointServiceName FromStored(string value) =>
        TryParseStored(value, out var name) ? name : throw new FormatException($"\"{value}\" is not a stored endpoint service name.");

    [GeneratedRegex(@"^com\.amazonaws\.vpce\.(?<region>[a-z]{2}(?:-[a-z]+)+-\d{1,2})\.(?<id>vpce-svc-(?:[0-9a-f]{17}|[0-9a-f]{8}))$")]
    private static partial Regex StoredPattern();
}
