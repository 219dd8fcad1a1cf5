namespace Portal.E2ETests.Infrastructure;

/// <summary>One axe-core rule a page breaks, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<AxeViolationNode> Nodes)
{
    public bool IsSerious => Impact is "critical" or "serious";
}
