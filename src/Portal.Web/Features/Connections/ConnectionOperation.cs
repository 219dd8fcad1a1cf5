namespace Portal.Web.Features.Connections;

/// <summary>Work the provisioning worker still owes a connection. Stored with the connection so it survives restarts.</summary>
public enum ConnectionOperation
{
    None,
    Create,
    Delete,
}
