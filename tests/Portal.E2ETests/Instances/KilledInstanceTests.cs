using Microsoft.EntityFrameworkCore;
using Portal.E2ETests.Infrastructure;
using Portal.Web.Features.Connections;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Instances;

/// <summary>
/// Two portal processes on one database and one EC2; the one whose worker is creating an endpoint is killed (kill -9)
/// while its CreateVpcEndpoint call is in flight. Its claim lapses and the other instance finishes the request.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KilledInstanceTests(BrowserFixture browser)
{
    private static readonly string[] Names = ["portal-a", "portal-b"];

    /// <param name="callReachedEc2">
    /// Whether the killed instance's CreateVpcEndpoint still reached EC2 (the endpoint exists, the database does not know)
    /// or was lost with the process.
    /// </param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task When_the_instance_creating_an_endpoint_is_killed_the_other_finishes_the_request_with_exactly_one_endpoint(bool callReachedEc2)
    {
        // A dead worker's claim lapses after this; a live one renews it while its attempt runs, so it can be short.
        var claimLease = new Dictionary<string, string?> { ["Provisioning:Worker:ClaimLease"] = "00:00:15" };
        await using var cluster = await PortalCluster.StartAsync([.. Names.Select(n => (n, (IReadOnlyDictionary<string, string?>)claimLease))]);
        await cluster.ExplainFailuresAsync(async () =>
        {
            var held = cluster.Proxy.HoldNextAsync("CreateVpcEndpoint");

            await using var requester = await PortalPage.OpenAsync(browser.Browser, cluster[Names[0]].BaseUrl);
            requester.Page.SetDefaultTimeout(SlowPage);
            await requester.SignInAsync("ada", "/connections/new");
            var path = await ConnectionWizard.CreateAsync(requester, SharedEc2.Region, cluster.Ec2.Customer.SharedServiceName, awsTimeout: SlowAws);
            var connectionId = Guid.Parse(path.Split('/')[^1]);

            // Whichever instance's worker claimed the request is now inside its CreateVpcEndpoint call, parked at the
            // proxy. It dies there, well before the SDK's request timeout would make it send the call again.
            var create = await held.WaitAsync(SlowAws);
            var killed = cluster[create.Call.Instance];
            killed.Kill();
            var survivor = cluster[Names.Single(n => n != killed.Name)];
            Assert.True(create.Call.Mentions(connectionId.ToString()), "the held call creates this connection's endpoint");
            await using (var db = cluster.Database.CreateDbContext())
            {
                var claimedBy = await db.Connections.Where(c => c.Id == connectionId).Select(c => c.ClaimedBy).SingleAsync();
                Assert.Contains($"/{killed.ProcessId}/", claimedBy);
            }
            if (callReachedEc2)
            {
                Assert.Equal(200, await create.ForwardAsync());
                Assert.Single(await cluster.Ec2.EndpointsOfAsync(connectionId));
            }
            else
            {
                create.Drop();
            }

            // The customer follows the request on the other instance, which takes it over once the dead claim lapses.
            await using var customer = await PortalPage.OpenAsync(browser.Browser, survivor.BaseUrl);
            customer.Page.SetDefaultTimeout(SlowPage);
            await customer.SignInAsync("ada", path);
            var chip = customer.Page.GetByTestId("status-chip").First;
            await Expect(chip).ToHaveAttributeAsync("data-status", "Available", new() { Timeout = (float)TakeOver.TotalMilliseconds });
            var endpoint = Assert.Single(await cluster.Ec2.EndpointsOfAsync(connectionId));
            Assert.Equal(endpoint.VpcEndpointId, Assert.Single(await cluster.Ec2.OurEndpointsAsync()).VpcEndpointId);
            await Expect(customer.Page.GetByTestId("endpoint-id").Locator("code")).ToHaveTextAsync(endpoint.VpcEndpointId, new() { Timeout = SlowPage });
            await customer.ScreenshotAsync($"instances-survivor-finished-{(callReachedEc2 ? "found" : "created")}");

            // The survivor looked the endpoint up by its connection tag first, and created one only if it was missing.
            var survivorCreates = cluster.Proxy.CallsOf("CreateVpcEndpoint").Count(c => c.Instance == survivor.Name);
            Assert.Equal(callReachedEc2 ? 0 : 1, survivorCreates);
            await using (var db = cluster.Database.CreateDbContext())
            {
                var stored = await db.Connections.SingleAsync(c => c.Id == connectionId);
                Assert.Equal(ConnectionStatus.Available, stored.Status);
                Assert.Equal(endpoint.VpcEndpointId, stored.EndpointId);
                Assert.Null(stored.ClaimedBy);
            }
        });
    }

    // Generous, condition-based waits: two portal processes, moto and chromium share a two-core machine with other test runs.
    private static readonly TimeSpan SlowAws = TimeSpan.FromSeconds(90);
    private const float SlowPage = 60_000;
    /// <summary>The lease lapsing, the survivor's worker and reconciler, and the page's live update.</summary>
    private static readonly TimeSpan TakeOver = TimeSpan.FromSeconds(150);
}
