using Amazon.EC2;
using Amazon.EC2.Model;
using Portal.E2ETests.Infrastructure;
using Portal.IntegrationTests.Aws;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Aws;

/// <summary>The portal in AWS mode, its EC2 calls going to moto (a real EC2 API emulator), driven in Chromium.</summary>
public sealed class MotoPortalFixture : IAsyncLifetime
{
    public const string Region = "us-east-1";
    public const string Principal = "arn:aws:iam::123456789012:root";

    public MotoServer Moto { get; private set; } = null!;
    public AmazonEC2Client Ec2 { get; private set; } = null!;
    public CustomerSide Customer { get; private set; } = null!;
    public PortalAppHost Host { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Moto = await MotoServer.StartAsync();
        Ec2 = Moto.CreateEc2Client(Region);
        Customer = await CustomerSide.SeedAsync(Ec2, Moto.Url, Region, Principal);

        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.0.0/16" })).Vpc.VpcId;
        var subnets = new List<string>();
        foreach (var (cidr, zone) in new[] { ("10.20.1.0/24", "us-east-1a"), ("10.20.2.0/24", "us-east-1b"), ("10.20.4.0/24", "us-east-1d") })
        {
            subnets.Add((await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = zone })).Subnet.SubnetId);
        }
        var settings = new Dictionary<string, string?>
        {
            ["Provisioning:Mode"] = "Aws",
            [$"Regions:{Region}:PrincipalArn"] = Principal,
            [$"Regions:{Region}:VpcId"] = vpc,
            [$"Regions:{Region}:ServiceUrl"] = Moto.Url.ToString(),
        };
        for (var i = 0; i < subnets.Count; i++)
        {
            settings[$"Regions:{Region}:SubnetIds:{i}"] = subnets[i];
        }
        foreach (var other in new[] { "us-east-2", "us-west-2", "eu-west-1", "eu-central-1" })
        {
            settings[$"Regions:{other}:Enabled"] = "false";
        }
        Host = new PortalAppHost(settings);
        BaseUrl = Host.Start();
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
            Host.DeleteDatabase();
        }
        Ec2?.Dispose();
        if (Moto is not null)
        {
            await Moto.DisposeAsync();
        }
    }
}

[Collection(BrowserCollection.Name)]
public sealed class AwsModeTests(BrowserFixture browser, MotoPortalFixture aws) : IClassFixture<MotoPortalFixture>
{
    [Fact]
    public async Task The_wizard_against_the_ec2_emulator_ends_with_an_available_connection_and_its_endpoint_in_ec2()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, aws.BaseUrl);
        await customer.SignInAsync("ada", "/connections/new");

        var path = await ConnectionWizard.CreateAsync(customer, MotoPortalFixture.Region, aws.Customer.SharedServiceName);

        await Expect(customer.Page.GetByTestId("status-chip").First).ToHaveAttributeAsync("data-status", "Available", new() { Timeout = 30_000 });
        var endpointId = await customer.Page.GetByTestId("endpoint-id").Locator("code").TextContentAsync();
        await customer.ScreenshotAsync("aws-mode-detail-available");

        var endpoints = (await aws.Ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
        {
            Filters = [new Filter("tag:portal:connection-id", [path.Split('/')[^1]])],
        })).VpcEndpoints;
        var endpoint = Assert.Single(endpoints);
        Assert.Equal(endpointId, endpoint.VpcEndpointId);
        Assert.Equal(aws.Customer.SharedServiceName, endpoint.ServiceName);
        Assert.Equal(VpcEndpointType.Interface, endpoint.VpcEndpointType);
        Assert.Contains(endpoint.Tags, t => t.Key == "portal:workspace-id" && t.Value == "ws-acme");
        Assert.Empty(customer.ConsoleErrors);
    }

    [Fact]
    public async Task Verify_names_both_sides_zones_when_the_service_shares_none_with_us()
    {
        await using var customer = await PortalPage.OpenAsync(browser.Browser, aws.BaseUrl);
        await customer.SignInAsync("grace", "/connections/new");
        var page = customer.Page;
        await ConnectionWizard.WalkToVerifyAsync(page, MotoPortalFixture.Region, aws.Customer.LonelyServiceName);

        await page.GetByTestId("verify-button").ClickAsync();

        await Expect(page.GetByTestId("verify-failure")).ToHaveAttributeAsync("data-kind", "NoSharedAvailabilityZone");
        await Expect(page.GetByTestId("verify-failure")).ToContainTextAsync("use1-");
        await customer.ScreenshotAsync("aws-mode-verify-no-shared-zone");
    }
}
