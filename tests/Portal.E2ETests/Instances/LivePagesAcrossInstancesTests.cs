using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Instances;

/// <summary>
/// Two portal processes on one PostgreSQL database: instance A does the background work, instance B only serves pages
/// (its worker and reconciler are off), so everything B's open page shows after the request came from A, through
/// PostgreSQL's LISTEN/NOTIFY.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LivePagesAcrossInstancesTests(BrowserFixture browser)
{
    private const string A = "portal-a";
    private const string B = "portal-b";

    [Fact]
    public async Task A_customer_page_on_instance_b_follows_what_instance_a_does_also_after_b_lost_its_listening_connection()
    {
        await using var cluster = await PortalCluster.StartAsync(
            (A, new Dictionary<string, string?>()),
            (B, new Dictionary<string, string?>
            {
                ["Provisioning:Worker:Enabled"] = "false",
                ["Provisioning:Reconciler:Enabled"] = "false",
            }));
        await cluster.ExplainFailuresAsync(async () =>
        {
            var ec2 = cluster.Ec2;

            await using var customer = await PortalPage.OpenAsync(browser.Browser, cluster[B].BaseUrl);
            await customer.SignInAsync("ada", "/connections/new");
            var path = await ConnectionWizard.CreateAsync(customer, SharedEc2.Region, ec2.Customer.SharedServiceName);
            var connectionId = Guid.Parse(path.Split('/')[^1]);

            // A's worker creates the endpoint (moto's are available at once); B's page shows it without a reload.
            var chip = customer.Page.GetByTestId("status-chip").First;
            await Expect(chip).ToHaveAttributeAsync("data-status", "Available", new() { Timeout = 60_000 });
            var endpoint = Assert.Single(await ec2.EndpointsOfAsync(connectionId));
            await Expect(customer.Page.GetByTestId("endpoint-id").Locator("code")).ToHaveTextAsync(endpoint.VpcEndpointId);
            var create = Assert.Single(cluster.Proxy.CallsOf("CreateVpcEndpoint"));
            Assert.Equal(A, create.Instance);

            // B's listening connection is cut (as a network failure or a database restart would); support deletes the
            // connection on instance A meanwhile. B reconnects and its page reads again, or the notification arrives after.
            Assert.Equal(1, await cluster.Database.TerminateListenerAsync(B));
            await using var support = await PortalPage.OpenAsync(browser.Browser, cluster[A].BaseUrl);
            await support.SignInAsync("sam", "/admin" + path);
            await support.Page.GetByTestId("support-delete").ClickAsync();
            await support.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, do it" }).ClickAsync();

            await Expect(chip).ToHaveAttributeAsync("data-status", "Deleted", new() { Timeout = 60_000 });
            await customer.ScreenshotAsync("instances-b-follows-a-deleted");
            // B verified the service in the wizard; every change to AWS was A's.
            Assert.All(cluster.Proxy.Calls.Where(c => c.Action is "CreateVpcEndpoint" or "DeleteVpcEndpoints"), call => Assert.Equal(A, call.Instance));
            Assert.Contains(cluster.Proxy.Calls, c => c.Action == "DeleteVpcEndpoints");
            await cluster.WaitUntilAsync(() => Task.FromResult(cluster[B].Output.Contains("Listening for changes from other portal instances again", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(10), "instance B says it listens again");
        });
    }
}
