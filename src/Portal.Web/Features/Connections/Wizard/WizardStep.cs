namespace Portal.Web.Features.Connections.Wizard;

public enum WizardStep
{
    Region,
    ServiceName,
    GrantAccess,
    Verify,
    Create,
}
