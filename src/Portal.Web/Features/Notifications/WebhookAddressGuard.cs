using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// Keeps webhooks from reaching into our own network (SSRF): https only, and never a loopback, private, link-local
/// (cloud metadata at 169.254.169.254), shared or multicast address. Checked when a URL is saved and again on every
/// connection, after DNS resolution, so a name that later resolves inside is refused too.
/// </summary>
public sealed class WebhookAddressGuard(IOptions<NotificationOptions> options)
{
    private bool AllowLoopback => options.Value.Webhooks.AllowLoopback;

    /// <summary>Why the URL cannot be used, or null when it is acceptable (before DNS).</summary>
    public string? CheckUrl(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
        {
            return "Enter a full https:// address, e.g. https://hooks.example.com/portal.";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "Put no user name or password in the address; the signature proves the sender.";
        }
        var loopbackHost = uri.IsLoopback;
        if (uri.Scheme == "http" && !(AllowLoopback && loopbackHost))
        {
            return "The address must start with https://.";
        }
        if (loopbackHost && !AllowLoopback)
        {
            return "The address must not point to this machine.";
        }
        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IsForbidden(ip))
        {
            return "The address must be public: private, link-local and metadata addresses are refused.";
        }
        return null;
    }

    /// <summary><see cref="CheckUrl"/>, then the addresses its host resolves to.</summary>
    public async Task<string?> CheckAsync(string? url, CancellationToken cancellationToken)
    {
        if (CheckUrl(url) is { } error)
        {
            return error;
        }
        var host = new Uri(url!.Trim()).DnsSafeHost;
        try
        {
            var addresses = await ResolveAsync(host, cancellationToken);
            return addresses.Any(IsForbidden) ? "The address resolves to a private or internal network address, which is refused." : null;
        }
        catch (SocketException)
        {
            return $"The host name {host} could not be resolved.";
        }
    }

    /// <summary>The addresses the webhook client may connect to for a host; throws when any is forbidden.</summary>
    public async Task<IPAddress[]> ResolveAllowedAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0 || addresses.Any(IsForbidden))
        {
            throw new HttpRequestException($"Refused: {host} resolves to a private or internal network address.");
        }
        return addresses;
    }

    public bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return !AllowLoopback;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            return address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (bytes[0] & 0xFE) == 0xFC; // fc00::/7, unique local
        }
        var b = address.GetAddressBytes();
        return b[0] == 0                                  // 0.0.0.0/8 ("this network")
            || b[0] == 10                                 // 10/8
            || (b[0] == 100 && b[1] >= 64 && b[1] < 128)  // 100.64/10, carrier-grade NAT
            || (b[0] == 169 && b[1] == 254)               // link-local, cloud metadata
            || (b[0] == 172 && b[1] >= 16 && b[1] < 32)   // 172.16/12
            || (b[0] == 192 && b[1] == 168)               // 192.168/16
            || (b[0] == 192 && b[1] == 0 && b[2] == 0)    // 192.0.0/24, protocol assignments
            || (b[0] == 198 && (b[1] == 18 || b[1] == 19))// benchmarking
            || b[0] >= 224;                               // multicast, reserved, broadcast
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}
