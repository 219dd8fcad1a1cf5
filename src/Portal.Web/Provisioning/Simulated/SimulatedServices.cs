
namespace Portal.Web.Provisioning.Simulated;

/// <summary>
/// Service ids that make the simulator misbehave on purpose; README-simulator.md lists them. They are all zeros but for
/// the last digits, so a real-looking id never matches. The 8-character form works too (<c>vpce-svc-00000404</c>).
/// </summary>
public static class SimulatedServices
{
    public const string NotFoundOrNotAllowlisted = "vpce-svc-00000000000000404";
    public const string NoSharedZone = "vpce-svc-000000000000000a2";
    public const string Throttled = "vpce-svc-00000000000000429";
    public const string PermanentFailure = "vpce-svc-00000000000000500";
    public const string Unavailable = "vpce-svc-00000000000000503";
    public const string NoAcceptance = "vpce-svc-00000000000000001";
    public const string OwnerRejects = "vpce-svc-0000000000000dec1";
    public const string FailsAfterAcceptance = "vpce-svc-00000000000fa11ed";
    public const string WithPrivateDnsName = "vpce-svc-000000000000000d5";

    /// <summary>The private DNS name of <see cref="WithPrivateDnsName"/>.</summary>
    public const string PrivateDnsName = "db.internal.example.com";

    public static string NameOf(string serviceId, string region) => $"com.amazonaws.vpce.{region}.{serviceId}";

    public static SimulatedServiceBehaviour BehaviourOf(EndpointServiceName? name) =>
        name?.ServiceId["vpce-svc-".Length..].TrimStart('0') switch
        {
            "404" => SimulatedServiceBehaviour.NotFoundOrNotAllowlisted,
            "a2" => SimulatedServiceBehaviour.NoSharedZone,
            "429" => SimulatedServiceBehaviour.Throttled,
            "500" => SimulatedServiceBehaviour.PermanentFailure,
            "503" => SimulatedServiceBehaviour.Unavailable,
            "1" => SimulatedServiceBehaviour.NoAcceptance,
            "dec1" => SimulatedServiceBehaviour.OwnerRejects,
            "fa11ed" => SimulatedServiceBehaviour.FailsAfterAcceptance,
            "d5" => SimulatedServiceBehaviour.PrivateDnsName,
            _ => SimulatedServiceBehaviour.Normal,
        };

    public static SimulatedServiceBehaviour BehaviourOf(string storedServiceName) =>
        BehaviourOf(EndpointServiceName.TryParseStored(storedServiceName, out var name) ? name : null);
}
