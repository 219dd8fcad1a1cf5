using Portal.Tests.Shared;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Aws;

namespace Portal.IntegrationTests.Aws;

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<AwsWorld>
{
    public const string Name = "moto";
}

/// <summary>
/// One moto server for the test assembly, seeded with a customer's side (VPC, subnets in three zones, Network Load
/// Balancers, endpoint services allowing our principal) and ours (VPC and subnets in two zones), plus the portal's
/// services in AWS mode over a temporary SQLite database with the real migrations.
/// </summary>
public sealed class AwsWorld : IAsyncLifetime
{
    public const string Region = "us-east-1";
    /// <summary>moto's default account; both sides live in it, which moto cannot tell apart anyway.</summary>
    public const string OurPrincipalArn = "arn:aws:iam::123456789012:root";

    private readonly string tempDirectory = Path.Combine(Path.GetTempPath(), $"portal-aws-tests-{Guid.NewGuid():N}");
    private IHost? host;

    public MotoServer Moto { get; private set; } = null!;
    /// <summary>A client for seeding and inspecting moto from the tests, outside the code under test.</summary>
    public AmazonEC2Client Ec2 { get; private set; } = null!;
    public CustomerSide Customer { get; private set; } = null!;
    public string OurVpcId { get; private set; } = "";
    /// <summary>Our subnets, in us-east-1a (use1-az6) and us-east-1b (use1-az1).</summary>
    public IReadOnlyList<string> OurSubnetIds { get; private set; } = [];
    public IServiceProvider Services => host!.Services;
    public IEndpointProvisioner Provisioner => Services.GetRequiredService<IEndpointProvisioner>();
    public WorkspaceIsolationGroups Isolation => Services.GetRequiredService<WorkspaceIsolationGroups>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(tempDirectory);
        try
        {
            Moto = await MotoServer.StartAsync();
            Ec2 = Moto.CreateEc2Client(Region);
            // AssumeRoleAWSCredentials calls STS at its own endpoint: send it to moto too.
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", Moto.Url.ToString());

            Customer = await CustomerSide.SeedAsync(Ec2, Moto.Url, Region, OurPrincipalArn);
            var ourVpc = await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.0.0/16" });
            OurVpcId = ourVpc.Vpc.VpcId;
            OurSubnetIds =
            [
                (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = OurVpcId, CidrBlock = "10.20.1.0/24", AvailabilityZone = "us-east-1a" })).Subnet.SubnetId,
                (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = OurVpcId, CidrBlock = "10.20.2.0/24", AvailabilityZone = "us-east-1b" })).Subnet.SubnetId,
            ];

            host = await StartPortalAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task<IHost> StartPortalAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = "Testing",
            ContentRootPath = tempDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(tempDirectory, "portal.db")}",
            ["Provisioning:Mode"] = "Aws",
            [$"Regions:{Region}:DisplayName"] = "US East (N. Virginia)",
            [$"Regions:{Region}:PrincipalArn"] = OurPrincipalArn,
            [$"Regions:{Region}:VpcId"] = OurVpcId,
            [$"Regions:{Region}:SubnetIds:0"] = OurSubnetIds[0],
            [$"Regions:{Region}:SubnetIds:1"] = OurSubnetIds[1],
            [$"Regions:{Region}:ServiceUrl"] = Moto.Url.ToString(),
        });
        builder.Services.AddLogging();
        builder.Services.AddPortalData(builder.Configuration, builder.Environment);
        builder.Services.AddRegions();
        builder.Services.AddProvisioning(builder.Configuration);

        var started = builder.Build();
        await started.StartAsync();
        // Seeds the RegionSettings row from the configuration above: the provisioner reads VPC and subnets from there.
        await started.Services.MigratePortalDatabaseAsync();
        await started.Services.SeedRegionSettingsAsync();
        return started;
    }

    /// <summary>A provisioner whose EC2 traffic goes through <paramref name="createHandler"/> (fault injection), on the same database.</summary>
    public AwsEndpointProvisioner ProvisionerThrough(Func<HttpMessageHandler> createHandler, int maxErrorRetry = 2, TimeSpan? requestTimeout = null)
    {
        var clients = new Ec2ClientFactory(Services.GetRequiredService<IOptions<AwsRegionsOptions>>())
        {
            CreateHttpHandler = createHandler,
            MaxErrorRetry = maxErrorRetry,
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
        };
        return new AwsEndpointProvisioner(clients, Services.GetRequiredService<RegionDirectory>(), Isolation, NullLogger<AwsEndpointProvisioner>.Instance);
    }

    /// <summary>
    /// A subnet of ours in a zone the customer's service does not use (us-east-1d), created on first use. Lets a full
    /// portal host keep the three-subnet shape of appsettings.json while sharing only zones a and b.
    /// </summary>
    public Task<string> SpareSubnetIdAsync() => spareSubnet ??= CreateSpareSubnetAsync();

    private Task<string>? spareSubnet;

    private async Task<string> CreateSpareSubnetAsync() =>
        (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = OurVpcId, CidrBlock = "10.20.4.0/24", AvailabilityZone = "us-east-1d" })).Subnet.SubnetId;

    public CreateEndpointRequest NewConnection(string? workspaceId = null, string? serviceName = null) =>
        new(Guid.NewGuid(), workspaceId ?? NewWorkspaceId(), ConnectionSeeds.Name(serviceName ?? Customer.SharedServiceName), $"ct-{Guid.NewGuid():N}");

    public static string NewWorkspaceId() => $"ws-{Guid.NewGuid():N}"[..15];

    /// <summary>Endpoints in moto carrying a connection's tag, in any state.</summary>
    public async Task<List<VpcEndpoint>> EndpointsTaggedWithAsync(Guid connectionId) =>
        (await Ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
        {
            Filters = [new Filter($"tag:{PortalTags.ConnectionId}", [connectionId.ToString()])],
        })).VpcEndpoints;

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
            host = null;
        }
        Ec2?.Dispose();
        if (Moto is not null)
        {
            await Moto.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(tempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing the run for.
        }
    }
}
