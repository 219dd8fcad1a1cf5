namespace Portal.Web.Provisioning.Aws;

/// <summary>What the portal was doing when AWS failed; picks the words the customer sees.</summary>
public enum AwsOperation
{
    Verify,
    Create,
    Describe,
    Delete,
}
