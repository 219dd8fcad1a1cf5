using Amazon.EC2;
using Amazon.EC2.Model;
using Portal.IntegrationTests.Aws;

namespace Portal.E2ETests.Instances;

/// <summary>
/// moto as the one EC2 every portal process of a test talks to: the customer's side of PrivateLink and our own VPC with
/// subnets in three zones, and the settings that put a portal in AWS mode on it.
/// </summary>
public sealed class SharedEc2 : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string Principal = "arn:aws:iam::123456789012:root";

    private SharedEc2(MotoServer moto, AmazonEC2Client ec2, CustomerSide customer, string vpcId, IReadOnlyList<string> subnetIds) =>
        (Moto, Ec2, Customer, VpcId, SubnetIds) = (moto, ec2, customer, vpcId, subnetIds);

    public MotoServer Moto { get; }
    public AmazonEC2Client Ec2 { get; }
    public CustomerSide Customer { get; }
    public string VpcId { get; }
    public IReadOnlyList<string> SubnetIds { get; }

    public static async Task<SharedEc2> StartAsync()
    {
        var moto = await MotoServer.StartAsync();
        var ec2 = moto.CreateEc2Client(Region);
        var customer = await CustomerSide.SeedAsync(ec2, moto.Url, Region, Principal);
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.0.0/16" })).Vpc.VpcId;
        var subnets = new List<string>();
        foreach (var (cidr, zone) in new[] { ("10.20.1.0/24", "us-east-1a"), ("10.20.2.0/24", "us-east-1b"), ("10.20.4.0/24", "us-east-1d") })
        {
            subnets.Add((await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = zone })).Subnet.SubnetId);
        }
        // moto builds its list of AWS's own endpoint services on the first DescribeVpcEndpointServices, which takes
        // long on a busy machine; pay for it here rather than inside a page's verify step.
        await ec2.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest { ServiceNames = [customer.SharedServiceName] });
        return new SharedEc2(moto, ec2, customer, vpc, subnets);
    }

    /// <summary>AWS mode in <see cref="Region"/> (the others off), EC2 calls going to <paramref name="ec2Url"/>.</summary>
    public Dictionary<string, string?> PortalSettings(string ec2Url)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Provisioning:Mode"] = "Aws",
            [$"Regions:{Region}:PrincipalArn"] = Principal,
            [$"Regions:{Region}:VpcId"] = VpcId,
            [$"Regions:{Region}:ServiceUrl"] = ec2Url,
        };
        for (var i = 0; i < SubnetIds.Count; i++)
        {
            settings[$"Regions:{Region}:SubnetIds:{i}"] = SubnetIds[i];
        }
        foreach (var other in new[] { "us-east-2", "us-west-2", "eu-west-1", "eu-central-1" })
        {
            settings[$"Regions:{other}:Enabled"] = "false";
        }
        return settings;
    }

    /// <summary>The endpoints in EC2 tagged with this connection, whatever their state.</summary>
    public async Task<List<VpcEndpoint>> EndpointsOfAsync(Guid connectionId) =>
        (await Ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
        {
            Filters = [new Filter("tag:portal:connection-id", [connectionId.ToString()])],
        })).VpcEndpoints;

    /// <summary>Every endpoint in our VPC.</summary>
    public async Task<List<VpcEndpoint>> OurEndpointsAsync() =>
        (await Ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [new Filter("vpc-id", [VpcId])], MaxResults = 1000 })).VpcEndpoints;

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        await Moto.DisposeAsync();
    }
}
