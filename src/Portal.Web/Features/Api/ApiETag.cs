using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Portal.Web.Features.Api;

/// <summary>Strong ETags from the connection's version, so a poller asks with <c>If-None-Match</c> and gets 304 until it changes.</summary>
internal static class ApiETag
{
    public static string ForVersion(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>For a list: changes when any item is added, removed or changed.</summary>
    public static string ForList(IEnumerable<(Guid Id, long Version)> items)
    {
        var text = string.Join(';', items.Select(i => $"{i.Id:N}:{i.Version.ToString(CultureInfo.InvariantCulture)}"));
        return $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12))}\"";
    }

    /// <summary>Sets the ETag and says whether the client already has this representation (answer 304).</summary>
    public static bool Matches(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        var ifNoneMatch = http.Request.Headers.IfNoneMatch;
        return ifNoneMatch.Count > 0
            && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
            && tags.Any(t => t.Tag == "*" || t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false));
    }
}
