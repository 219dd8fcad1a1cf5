using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Shared;

/// <summary>
/// A webhook receiver on a loopback port (HttpListener): records every request with its headers and body, and answers
/// with the next scripted status code (then 200).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<int> script;
    private readonly Task loop;

    public WebhookReceiver(params int[] statuses)
    {
        script = new ConcurrentQueue<int>(statuses);
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/hook";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (!listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue(new ReceivedWebhook(
                context.Request.Headers["X-Portal-Timestamp"], context.Request.Headers["X-Portal-Signature"],
                context.Request.Headers["X-Portal-Delivery"], context.Request.Headers["X-Portal-Event"], body));
            context.Response.StatusCode = script.TryDequeue(out var status) ? status : 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop.ContinueWith(_ => { });
    }
}

public sealed record ReceivedWebhook(string? Timestamp, string? Signature, string? DeliveryId, string? EventType, string Body);
