using System.Security.Cryptography;
using System.Text;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// How a webhook proves it comes from the portal: <c>X-Portal-Signature: sha256=&lt;hex HMAC-SHA256 of
/// "{timestamp}.{body}"&gt;</c> keyed with the subscription's secret, the timestamp (Unix seconds) in
/// <c>X-Portal-Timestamp</c>. Receivers recompute it and reject old timestamps (replays).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Portal-Signature";
    public const string TimestampHeader = "X-Portal-Timestamp";
    public const string DeliveryHeader = "X-Portal-Delivery";
    public const string EventHeader = "X-Portal-Event";
    private const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does: constant-time comparison, and a timestamp no older than <paramref name="tolerance"/>.</summary>
    public static bool Verify(string secret, string? timestampHeader, string body, string? signatureHeader, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, out var timestamp) || signatureHeader is null
            || (now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > tolerance)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signatureHeader));
    }
}
