using System.Security.Cryptography;
using System.Text;

namespace Portal.Web.Features.Api;

/// <summary>
/// The <c>Idempotency-Key</c> header of a create. The key becomes the request id the wizard generates once per
/// wizard, so the API reuses the one mechanism that already makes a repeat return the same connection: the stored
/// ClientToken, unique in the database (two concurrent requests with one key store one connection).
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>The same key in the same workspace always gives the same id; in another workspace, another one.</summary>
    public static Guid ToRequestId(string workspaceId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"api-idempotency-key\n{workspaceId}\n{key}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static bool IsValid(string key) =>
        key.Length is > 0 and <= MaxLength && key.All(c => c is >= '!' and <= '~');
}
