namespace Portal.Web.Provisioning;

public enum ProvisionerMode
{
    Simulated,
    Aws,
}
