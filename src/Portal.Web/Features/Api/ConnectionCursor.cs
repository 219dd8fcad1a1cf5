using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Api;

/// <summary>The opaque <c>cursor</c> of the connections list: where the previous page ended.</summary>
internal static class ConnectionCursor
{
    public static string Encode(Connection last) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{last.Id:N}"));

    public static bool TryDecode(string? text, out ConnectionPageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new ConnectionPageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }
}
