using System.Net.Http.Headers;
using System.Xml.Linq;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Portal.IntegrationTests.Aws;

/// <summary>
/// The customer's side of PrivateLink, seeded in moto: a VPC with subnets in us-east-1a/b/c, a Network Load Balancer
/// over a and b behind an endpoint service that requires acceptance and has a private DNS name, and a second one
/// only in c (a zone where we have no subnet). Both allow our principal.
/// </summary>
public sealed record CustomerSide(string SharedServiceName, string SharedServiceId, string LonelyServiceName)
{
    public const string PrivateDnsName = "db.customer.example.com";

    public static async Task<CustomerSide> SeedAsync(IAmazonEC2 ec2, Uri motoUrl, string region, string ourPrincipalArn)
    {
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.10.0.0/16" })).Vpc.VpcId;
        var subnetA = await SubnetAsync(ec2, vpc, "10.10.1.0/24", "us-east-1a");
        var subnetB = await SubnetAsync(ec2, vpc, "10.10.2.0/24", "us-east-1b");
        var subnetC = await SubnetAsync(ec2, vpc, "10.10.3.0/24", "us-east-1c");

        using var http = new HttpClient();
        var sharedBalancer = await CreateNetworkLoadBalancerAsync(http, motoUrl, region, "customer-db", [subnetA, subnetB]);
        var lonelyBalancer = await CreateNetworkLoadBalancerAsync(http, motoUrl, region, "customer-db-zone-c", [subnetC]);

        var shared = (await ec2.CreateVpcEndpointServiceConfigurationAsync(new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [sharedBalancer],
            AcceptanceRequired = true,
            PrivateDnsName = PrivateDnsName,
        })).ServiceConfiguration;
        var lonely = (await ec2.CreateVpcEndpointServiceConfigurationAsync(new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [lonelyBalancer],
            AcceptanceRequired = false,
        })).ServiceConfiguration;
        foreach (var service in new[] { shared, lonely })
        {
            await ec2.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest
            {
                ServiceId = service.ServiceId,
                AddAllowedPrincipals = [ourPrincipalArn],
            });
        }
        return new CustomerSide(shared.ServiceName, shared.ServiceId, lonely.ServiceName);
    }

    private static async Task<string> SubnetAsync(IAmazonEC2 ec2, string vpcId, string cidr, string zone) =>
        (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpcId, CidrBlock = cidr, AvailabilityZone = zone })).Subnet.SubnetId;

    /// <summary>
    /// AWSSDK.ElasticLoadBalancingV2 is not on this machine's feed: call the ELBv2 Query API directly. moto routes by
    /// the credential scope's service name and does not check signatures.
    /// </summary>
    private static async Task<string> CreateNetworkLoadBalancerAsync(HttpClient http, Uri motoUrl, string region, string name, IReadOnlyList<string> subnetIds)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "CreateLoadBalancer"),
            new("Version", "2015-12-01"),
            new("Name", name),
            new("Type", "network"),
            new("Scheme", "internal"),
        };
        form.AddRange(subnetIds.Select((id, i) => new KeyValuePair<string, string>($"Subnets.member.{i + 1}", id)));
        using var request = new HttpRequestMessage(HttpMethod.Post, motoUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=test/20260101/{region}/elasticloadbalancing/aws4_request, SignedHeaders=host, Signature=0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/xml"));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"moto CreateLoadBalancer failed ({(int)response.StatusCode}): {body}");
        }
        return XDocument.Parse(body).Descendants().First(e => e.Name.LocalName == "LoadBalancerArn").Value;
    }
}
