namespace Portal.E2ETests.Infrastructure;

/// <summary>An element that breaks an axe rule: its selector and axe's summary of what to fix.</summary>
public sealed record AxeViolationNode(string Target, string Summary);
