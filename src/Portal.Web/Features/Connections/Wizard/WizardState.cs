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

    /// <summary>The connection's name as typed; proposed from the service until the customer edits it.</summary>
    public string NameInput { get; set; } = "";
    /// <summary>True once the customer typed a name of their own: the wizard stops proposing one.</summary>
    public bool NameEdited { get; set; }
    /// <summary>Why <see cref="NameInput"/> cannot be used (format, or taken in the workspace), or null.</summary>
    public string? NameError { get; set; }
    public string DescriptionInput { get; set; } = "";
    public string? DescriptionError { get; set; }

    /// <summary>Proposes a name for the chosen service, unless the customer wrote their own. True when it changed.</summary>
    public bool ProposeName()
    {
        if (NameEdited || Region is null || ServiceName is null)
        {
            return false;
        }
        var proposal = Naming.ConnectionNames.Suggest(Region.Code, ServiceName.ServiceId);
        if (proposal == NameInput)
        {
            return false;
        }
        NameInput = proposal;
        NameError = null;
        return true;
    }

    public EndpointServiceName? ServiceName => NameCheck is { IsValid: true } check ? check.Name : null;

    /// <summary>Changing the region or the name invalidates what was checked after it.</summary>
    public void ResetFromRegion()
    {
        NameCheck = null;
        Verification = null;
    }

    public bool IsVerified => Verification is { Succeeded: true } verification && verification.ServiceName == ServiceName?.Value;
}
