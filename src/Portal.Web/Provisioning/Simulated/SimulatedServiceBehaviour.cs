
namespace Portal.Web.Provisioning.Simulated;

public enum SimulatedServiceBehaviour
{
    Normal,
    NotFoundOrNotAllowlisted,
    NoSharedZone,
    Throttled,
    Unavailable,
    PermanentFailure,
    NoAcceptance,
    OwnerRejects,
    FailsAfterAcceptance,
    PrivateDnsName,
}
