namespace Portal.Web.Hosting.Limits;

/// <summary>What a customer reads when a limit stops them.</summary>
public static class LimitMessages
{
    public static string GoingTooFast(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return $"You are going a little fast: wait {seconds} {(seconds == 1 ? "second" : "seconds")} and try again.";
    }

    public static string WorkspaceRegionFull(string workspaceId, string region, int cap) =>
        $"Workspace {workspaceId} already has {cap} connections in {region}, the most one workspace may have in a region. " +
        "Delete connections you no longer use, or ask support to raise the limit.";
}
