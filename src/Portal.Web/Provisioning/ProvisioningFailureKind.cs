namespace Portal.Web.Provisioning;

public enum ProvisioningFailureKind
{
    /// <summary>AWS answers <c>InvalidServiceName</c> both for a typo and for a service that has not allowlisted us.</summary>
    ServiceNotFoundOrNotAllowlisted,
    NoSharedAvailabilityZone,
    /// <summary>Throttling, 5xx, timeouts: worth retrying.</summary>
    Transient,
    /// <summary>Will not succeed by retrying; <see cref="ProvisioningFailure.Reason"/> says why.</summary>
    Permanent,
}
