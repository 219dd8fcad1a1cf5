using Bunit;
using Portal.ComponentTests.Infrastructure;
using Portal.Web.Features.EgressIps;

namespace Portal.ComponentTests.EgressIps;

public sealed class EgressIpListCardTests : MudTestContext
{
    private static readonly EgressIpList UsEast1 = new("us-east-1", "US East (N. Virginia)", ["192.0.2.10", "192.0.2.11", "192.0.2.12"], DateTimeOffset.UtcNow);

    public EgressIpListCardTests() => Render<MudBlazor.MudPopoverProvider>();

    [Fact]
    public void The_ips_show_one_per_line_with_a_copy_all_button_that_copies_every_line()
    {
        var copy = JSInterop.Setup<bool>("portal.copyText", "192.0.2.10\n192.0.2.11\n192.0.2.12").SetResult(true);
        var card = Render<EgressIpListCard>(p => p.Add(c => c.List, UsEast1));

        card.Find("[data-testid=egress-copy-all]").Click();

        Assert.Equal("192.0.2.10\n192.0.2.11\n192.0.2.12", card.Find("[data-testid=egress-ip-list]").TextContent);
        Assert.Equal("Copy all egress IPs", card.Find("[data-testid=egress-copy-all]").GetAttribute("aria-label"));
        Assert.Single(copy.Invocations);
    }

    [Fact]
    public void Download_hands_the_csv_to_the_browser_helper()
    {
        var download = JSInterop.SetupVoid("portal.downloadText", "egress-ips-us-east-1.csv", "text/csv", UsEast1.AsCsv());
        var card = Render<EgressIpListCard>(p => p.Add(c => c.List, UsEast1));

        card.Find("[data-testid=egress-download]").Click();

        Assert.Single(download.Invocations);
    }

    [Fact]
    public void A_region_without_ips_says_so_and_offers_nothing_to_copy()
    {
        var card = Render<EgressIpListCard>(p => p.Add(c => c.List, UsEast1 with { Ips = [] }));

        Assert.Contains("No egress IPs published", card.Find("[data-testid=egress-empty]").TextContent);
        Assert.Empty(card.FindAll("[data-testid=egress-copy-all]"));
        Assert.Empty(card.FindAll("[data-testid=egress-download]"));
    }
}
