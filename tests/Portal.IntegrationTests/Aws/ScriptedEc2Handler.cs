using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Web;

namespace Portal.IntegrationTests.Aws;

/// <summary>
/// Sits in the SDK's HTTP pipeline in front of moto: records every EC2 action and lets a test answer some calls
/// itself (throttling, 5xx, hangs, canned responses). Unscripted calls go on to moto.
/// </summary>
public sealed class ScriptedEc2Handler(Func<ScriptedEc2Handler.Call, CancellationToken, Task<HttpResponseMessage?>> script)
    : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<string> actions = new();

    /// <param name="Attempt">1 for the first request of this action, 2 for the next (an SDK retry or a later call), …</param>
    public sealed record Call(string Action, int Attempt, string Body);

    public IReadOnlyList<string> Actions => [.. actions];

    public int CountOf(string action) => actions.Count(a => a == action);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var action = HttpUtility.ParseQueryString(body)["Action"] ?? "?";
        actions.Enqueue(action);
        return await script(new Call(action, CountOf(action), body), cancellationToken)
            ?? await base.SendAsync(request, cancellationToken);
    }

    public static HttpResponseMessage Ec2Error(HttpStatusCode status, string code, string message) =>
        Xml(status, $"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>x</RequestID></Response>");

    public static HttpResponseMessage Xml(HttpStatusCode status, string xml) =>
        new(status) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };

    public static Task<HttpResponseMessage?> PassThrough() => Task.FromResult<HttpResponseMessage?>(null);

    public static Task<HttpResponseMessage?> Answer(HttpResponseMessage response) => Task.FromResult<HttpResponseMessage?>(response);
}
