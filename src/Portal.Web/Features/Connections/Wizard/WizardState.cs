using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning;

namespace Portal.Web.Features.Connections.Wizard;

/// <summary>What the customer has entered and learned so far in the new-connection wizard.</summary>
public sealed class WizardState
{
    /// <summary>Generated once per wizard: the create request's ClientToken, so a double submit is one request.</summary>
    public Guid RequestId { get; } = Guid.NewGuid();

    public RegionSetting? Region { get; set; }
    public string ServiceNameInput { get; set; } = "";
    /// <summary>The latest check of <see cref="ServiceNameInput"/>, by the same rules the server applies.</summary>
    public ServiceNameParseResult? NameCheck { get; set; }
    public VerifyOutcome? Verification { get; set; }

    public EndpointServiceName? ServiceName => NameCheck is { IsValid: true } check ? check.Name : null;

    /// <summary>Changing the region or the name invalidates what was checked after it.</summary>
    public void ResetFromRegion()
    {
        NameCheck = null;
        Verification = null;
    }

    public bool IsVerified => Verification is { Succeeded: true } verification && verification.ServiceName == ServiceName?.Value;
}
