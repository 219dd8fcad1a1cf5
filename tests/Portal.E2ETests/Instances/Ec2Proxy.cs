using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.E2ETests.Instances;

/// <summary>One EC2 request as the proxy saw it: which instance sent it, the action and its form fields, when.</summary>
public sealed record Ec2Call(string Instance, string Action, IReadOnlyDictionary<string, string> Form, DateTimeOffset SentAt)
{
    /// <summary>The endpoint ids a DescribeVpcEndpoints by id asks for (the reconciler's batch call).</summary>
    public IReadOnlyList<string> EndpointIds => [.. Form.Where(f => f.Key.StartsWith("VpcEndpointId.", StringComparison.Ordinal)).Select(f => f.Value)];

    public bool Mentions(string value) => Form.Values.Contains(value, StringComparer.Ordinal);
}

/// <summary>
/// Stands between the portal processes and moto, one loopback port per instance, so a test sees which instance sent
/// which EC2 request and can hold one in flight (to kill its sender mid-call) or slow a kind of call down.
/// The portal is only configured with this address as the region's EC2 service URL; nothing in it knows.
/// </summary>
public sealed class Ec2Proxy : IAsyncDisposable
{
    // Headers of this hop only: the forwarded request has its own body length and connection.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Expect", "TE", "Upgrade",
    };

    private readonly WebApplication app;
    private readonly HttpClient upstream;
    private readonly Dictionary<int, string> instanceByPort = [];
    private readonly ConcurrentQueue<Ec2Call> calls = new();
    private readonly ConcurrentDictionary<string, TimeSpan> delays = new(StringComparer.Ordinal);
    private TaskCompletionSource<HeldCall>? holdNext;
    private string? holdAction;

    private Ec2Proxy(WebApplication app, Uri moto)
    {
        this.app = app;
        upstream = new HttpClient { BaseAddress = moto, Timeout = TimeSpan.FromSeconds(60) };
    }

    public IReadOnlyCollection<Ec2Call> Calls => calls;

    /// <summary>Starts a proxy to <paramref name="moto"/> with one address per named instance.</summary>
    public static async Task<Ec2Proxy> StartAsync(Uri moto, params string[] instances)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            foreach (var _ in instances)
            {
                options.Listen(IPAddress.Loopback, 0);
            }
        });
        var app = builder.Build();
        var proxy = new Ec2Proxy(app, moto);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var ports = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a).Port).ToList();
        for (var i = 0; i < instances.Length; i++)
        {
            proxy.instanceByPort[ports[i]] = instances[i];
        }
        return proxy;
    }

    /// <summary>The EC2 service URL to give <paramref name="instance"/>.</summary>
    public string UrlFor(string instance) => $"http://127.0.0.1:{instanceByPort.Single(p => p.Value == instance).Key}/";

    /// <summary>Parks the next request of this action, from any instance, until the test releases or drops it.</summary>
    public Task<HeldCall> HoldNextAsync(string action)
    {
        var held = new TaskCompletionSource<HeldCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        holdAction = action;
        Volatile.Write(ref holdNext, held);
        return held.Task;
    }

    /// <summary>Answers every request of this action only after <paramref name="delay"/>, as a slow EC2 would.</summary>
    public void Delay(string action, TimeSpan delay) => delays[action] = delay;

    public IEnumerable<Ec2Call> CallsOf(string action) => calls.Where(c => c.Action == action);

    /// <summary>What went wrong while forwarding, for a failing test's message.</summary>
    public IReadOnlyCollection<string> Errors => errors;

    private readonly ConcurrentQueue<string> errors = new();

    private async Task ForwardAsync(HttpContext context)
    {
        try
        {
            await ForwardOrHoldAsync(context);
        }
        catch (Exception e)
        {
            errors.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {context.Request.Path}: {e}");
            throw;
        }
    }

    private async Task ForwardOrHoldAsync(HttpContext context)
    {
        var instance = instanceByPort.GetValueOrDefault(context.Connection.LocalPort, "?");
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var form = QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(bytes))
            .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var action = form.GetValueOrDefault("Action", "?");
        var call = new Ec2Call(instance, action, form, DateTimeOffset.UtcNow);

        HeldCall? held = null;
        if (action == holdAction && Interlocked.Exchange(ref holdNext, null) is { } hold)
        {
            held = new HeldCall(call);
            hold.SetResult(held);
            if (!await held.Decision)
            {
                context.Abort();
                return;
            }
        }
        if (delays.TryGetValue(action, out var delay))
        {
            await Task.Delay(delay);
        }
        calls.Enqueue(call);

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString)
        {
            Content = new ByteArrayContent(bytes),
        };
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
        // Forwarded even when its sender is gone: what reached AWS before a crash stays done.
        using var response = await upstream.SendAsync(request, CancellationToken.None);
        var answer = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
        held?.MarkAnswered((int)response.StatusCode);
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType.ToString();
        }
        await context.Response.Body.WriteAsync(answer);
    }

    public async ValueTask DisposeAsync()
    {
        if (holdNext is { } pending)
        {
            pending.TrySetCanceled();
        }
        await app.StopAsync();
        await app.DisposeAsync();
        upstream.Dispose();
    }
}

/// <summary>A request parked at the proxy: <see cref="Forward"/> sends it on to EC2, <see cref="Drop"/> loses it.</summary>
public sealed class HeldCall(Ec2Call call)
{
    private readonly TaskCompletionSource<bool> decision = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Ec2Call Call { get; } = call;
    internal Task<bool> Decision => decision.Task;

    /// <summary>Sends the request on and returns EC2's HTTP status once it has answered.</summary>
    public Task<int> ForwardAsync()
    {
        decision.TrySetResult(true);
        return answered.Task;
    }

    public void Drop() => decision.TrySetResult(false);

    internal void MarkAnswered(int status) => answered.TrySetResult(status);
}
