namespace Portal.Web.Hosting.Limits;

/// <summary>Customer actions that cost an AWS call or a stored record, limited per user and per workspace.</summary>
public enum LimitedAction
{
    Verify,
    Create,
    EgressIps,
}
