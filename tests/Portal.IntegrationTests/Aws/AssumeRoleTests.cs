using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning.Aws;

namespace Portal.IntegrationTests.Aws;

[Collection(MotoCollection.Name)]
public sealed class AssumeRoleTests(AwsWorld world)
{
    [Fact]
    public async Task A_region_with_a_role_calls_ec2_with_the_roles_temporary_credentials()
    {
        var options = new AwsRegionsOptions();
        options.Regions[AwsWorld.Region] = new RegionOptions
        {
            ServiceUrl = world.Moto.Url.ToString(),
            RoleArn = "arn:aws:iam::123456789012:role/privatelink-portal",
        };
        var signedWith = new List<string>();
        var handler = new ScriptedEc2Handler((_, _) => ScriptedEc2Handler.PassThrough());
        using var clients = new Ec2ClientFactory(Options.Create(options)) { CreateHttpHandler = () => new RecordingHandler(signedWith, handler) };

        var zones = await clients.GetClient(AwsWorld.Region).DescribeAvailabilityZonesAsync(new Amazon.EC2.Model.DescribeAvailabilityZonesRequest());

        Assert.NotEmpty(zones.AvailabilityZones);
        var credential = Assert.Single(signedWith.Distinct());
        Assert.StartsWith("ASIA", credential); // a temporary key from STS (moto), not the default chain's "test"
    }

    private sealed class RecordingHandler(List<string> signedWith, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(" ", values) : "";
            signedWith.Add(Regex.Match(authorization, "Credential=([^/]+)/").Groups[1].Value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
