namespace Portal.Web.Provisioning.Simulated;

/// <summary>Zone ids and names the way AWS spells them: <c>use1-az1</c>, <c>us-east-1a</c>.</summary>
internal static class SimulatedZones
{
    public static string ZoneId(string region, int index) => $"{Abbreviate(region)}-az{index + 1}";

    public static string ZoneName(string region, int index) => $"{region}{(char)('a' + index)}";

    /// <summary>us-east-1 → use1, eu-central-1 → euc1, ap-southeast-2 → apse2, us-gov-west-1 → usgw1.</summary>
    private static string Abbreviate(string region)
    {
        var parts = region.Split('-');
        var middle = parts[1..^1].Select(part => part
            .Replace("north", "n", StringComparison.Ordinal)
            .Replace("south", "s", StringComparison.Ordinal)
            .Replace("east", "e", StringComparison.Ordinal)
            .Replace("west", "w", StringComparison.Ordinal)
            .Replace("central", "c", StringComparison.Ordinal)
            .Replace("gov", "g", StringComparison.Ordinal));
        return parts[0] + string.Concat(middle) + parts[^1];
    }
}
