using Portal.Web.Components.Shared;

namespace Portal.Web.Features.EgressIps;

public sealed record EgressIpList(string Region, string RegionName, IReadOnlyList<string> Ips, DateTimeOffset RequestedAt)
{
    /// <summary>One address or block per line, as pasted into a firewall rule.</summary>
    public string AsText() => string.Join('\n', Ips);

    public string FileName => $"egress-ips-{Region}.csv";

    public string AsCsv()
    {
        var csv = new CsvBuilder("region", "egress_ip");
        foreach (var ip in Ips)
        {
            csv.AddRow(Region, ip);
        }
        return csv.ToString();
    }
}
