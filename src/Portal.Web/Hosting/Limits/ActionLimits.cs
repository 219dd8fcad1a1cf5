namespace Portal.Web.Hosting.Limits;

public sealed class ActionLimits
{
    public TokenBucket PerUser { get; set; } = new();
    public TokenBucket PerWorkspace { get; set; } = new();
}
