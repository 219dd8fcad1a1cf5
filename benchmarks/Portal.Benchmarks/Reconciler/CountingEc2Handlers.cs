using System.Collections.Concurrent;
using System.Net;
using System.Security;
using System.Text;
using System.Web;

namespace Portal.Benchmarks.Reconciler;

/// <summary>Counts EC2 calls by action.</summary>
internal sealed class Ec2CallCounter
{
    private readonly ConcurrentDictionary<string, int> calls = new();

    public void Add(string action) => calls.AddOrUpdate(action, 1, (_, n) => n + 1);
    public int Of(string action) => calls.GetValueOrDefault(action);
    public int Total => calls.Values.Sum();
    public void Reset() => calls.Clear();
}

/// <summary>
/// A fake EC2 at the HTTP layer: answers DescribeVpcEndpoints for whatever ids it is asked, as "available", and counts
/// every call. The SDK's real serialisation, signing and parsing run, so the figures include them.
/// </summary>
internal sealed class FakeEc2Handler(Ec2CallCounter counter) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = HttpUtility.ParseQueryString(await request.Content!.ReadAsStringAsync(cancellationToken));
        var action = form["Action"] ?? "?";
        counter.Add(action);
        if (action != "DescribeVpcEndpoints")
        {
            return Xml(HttpStatusCode.BadRequest, "<Response><Errors><Error><Code>UnsupportedOperation</Code><Message>fake</Message></Error></Errors><RequestID>x</RequestID></Response>");
        }
        var xml = new StringBuilder("<DescribeVpcEndpointsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>fake</requestId><vpcEndpointSet>");
        foreach (var key in form.AllKeys.Where(k => k is not null && k.StartsWith("VpcEndpointId.", StringComparison.Ordinal)))
        {
            var id = SecurityElement.Escape(form[key]!);
            xml.Append("<item><vpcEndpointId>").Append(id).Append("</vpcEndpointId><vpcEndpointType>Interface</vpcEndpointType><state>available</state>")
               .Append("<dnsEntrySet><item><dnsName>").Append(id).Append("-abcdefgh.vpce-svc-0123456789abcdef0.vpce.amazonaws.com</dnsName><hostedZoneId>Z7HUB22UULQXV</hostedZoneId></item></dnsEntrySet></item>");
        }
        xml.Append("</vpcEndpointSet></DescribeVpcEndpointsResponse>");
        return Xml(HttpStatusCode.OK, xml.ToString());
    }

    private static HttpResponseMessage Xml(HttpStatusCode status, string body) => new(status) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
}

/// <summary>Counts calls on their way to a real EC2 API (moto).</summary>
internal sealed class CountingPassThroughHandler(Ec2CallCounter counter) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        counter.Add(HttpUtility.ParseQueryString(body)["Action"] ?? "?");
        return await base.SendAsync(request, cancellationToken);
    }
}
