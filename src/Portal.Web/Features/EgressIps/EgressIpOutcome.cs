namespace Portal.Web.Features.EgressIps;

public abstract record EgressIpOutcome
{
    private EgressIpOutcome() { }

    public sealed record Shown(EgressIpList List) : EgressIpOutcome;

    /// <summary>The caller or the workspace asked too often; <see cref="Message"/> says how long to wait.</summary>
    public sealed record TooFast(string Message, TimeSpan RetryAfter) : EgressIpOutcome;

    /// <summary>The region does not exist or is not offered at the moment.</summary>
    public sealed record RegionUnavailable(string Region) : EgressIpOutcome
    {
        public string Message => $"PrivateLink is not offered in {Region} at the moment, so it has no egress IPs to show. Pick another region.";
    }
}
