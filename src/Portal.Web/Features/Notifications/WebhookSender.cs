using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// POSTs a delivery's JSON to a subscription's URL, signed (<see cref="WebhookSignature"/>). 2xx is delivered;
/// 408, 429 and 5xx are retried; any other answer is final. Redirects are not followed.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, WebhookSecrets secrets, WebhookAddressGuard guard, TimeProvider clock)
{
    public const string HttpClientName = "portal-webhooks";

    public async Task<SendResult> SendAsync(NotificationSubscription subscription, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        if (guard.CheckUrl(subscription.Target) is { } refused)
        {
            return SendResult.GiveUp(refused);
        }
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Target)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secrets.Unprotect(subscription.ProtectedSecret!), timestamp, delivery.Payload));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("PrivateLinkPortal-Webhooks", "1.0"));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return SendResult.Ok with { HttpStatus = status };
            }
            var error = $"The receiver answered {status} {response.ReasonPhrase}.";
            return status is 408 or 429 or >= 500 ? SendResult.Retry(error, status) : SendResult.GiveUp(error, status);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Retry("The receiver did not answer in time.");
        }
        catch (HttpRequestException ex)
        {
            return SendResult.Retry(ex.Message);
        }
    }

    /// <summary>The socket handler behind the webhook client: every connection goes only to an address the guard allows.</summary>
    public static SocketsHttpHandler CreateHandler(WebhookAddressGuard guard) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await guard.ResolveAllowedAsync(context.DnsEndPoint.Host, cancellationToken);
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
