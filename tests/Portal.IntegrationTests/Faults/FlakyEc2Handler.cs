using System.Net;
using System.Text;

namespace Portal.IntegrationTests.Faults;

/// <summary>
/// Sits in the AWS SDK's HTTP pipeline in front of moto and fails every third EC2 call, alternating between a throttle
/// (400 RequestLimitExceeded) and a server error (500 InternalError), the way a stressed region behaves.
/// </summary>
internal sealed class FlakyEc2Handler(FaultCounter counter) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref counter.Calls);
        if (call % 3 != 0)
        {
            return await base.SendAsync(request, cancellationToken);
        }
        var throttle = Interlocked.Increment(ref counter.Faults) % 2 == 1;
        var (status, code) = throttle ? (HttpStatusCode.BadRequest, "RequestLimitExceeded") : (HttpStatusCode.InternalServerError, "InternalError");
        return new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(
                $"<Response><Errors><Error><Code>{code}</Code><Message>Injected {code}.</Message></Error></Errors><RequestID>fault-{call}</RequestID></Response>",
                Encoding.UTF8, "text/xml"),
        };
    }
}

internal sealed class FaultCounter
{
    public int Calls;
    public int Faults;
}
