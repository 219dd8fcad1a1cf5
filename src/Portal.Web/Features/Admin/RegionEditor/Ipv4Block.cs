using System.Globalization;

namespace Portal.Web.Features.Admin.RegionEditor;

/// <summary>
/// An IPv4 address or CIDR block as support types it into the egress list. Parsed strictly (four decimal octets,
/// no leading zeros, optional /0–/32, no host bits in a block) because firewalls read loose forms differently.
/// </summary>
public readonly record struct Ipv4Block(uint Network, int PrefixLength)
{
    public const string Example = "for example 192.0.2.10 or 192.0.2.0/24";

    public static bool TryParse(string? text, out Ipv4Block block, out string error)
    {
        block = default;
        error = "";
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            error = $"Enter an IPv4 address or CIDR block, {Example}.";
            return false;
        }
        if (value.Contains(':'))
        {
            error = $"\"{value}\" is an IPv6 address; only IPv4 addresses and blocks are supported here.";
            return false;
        }

        var slash = value.IndexOf('/');
        var addressPart = slash < 0 ? value : value[..slash];
        var prefixLength = 32;
        if (slash >= 0)
        {
            var prefixPart = value[(slash + 1)..];
            if (!IsDecimal(prefixPart) || !int.TryParse(prefixPart, NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength) || prefixLength > 32)
            {
                error = $"\"{value}\" has the prefix length /{prefixPart}; it must be a number from /0 to /32.";
                return false;
            }
        }

        var octets = addressPart.Split('.');
        if (octets.Length != 4 || octets.Any(o => !IsDecimal(o)))
        {
            error = $"\"{value}\" is not an IPv4 address or CIDR block. Use four numbers from 0 to 255 separated by dots, optionally followed by /0 to /32, {Example}.";
            return false;
        }

        uint address = 0;
        foreach (var octet in octets)
        {
            if (octet.Length > 1 && octet[0] == '0')
            {
                error = $"\"{value}\" has a leading zero in \"{octet}\"; write {octet.TrimStart('0').PadLeft(1, '0')} (some systems read leading zeros as octal).";
                return false;
            }
            if (octet.Length > 3 || int.Parse(octet, CultureInfo.InvariantCulture) > 255)
            {
                error = $"\"{value}\" is not an IPv4 address: {octet} is more than 255.";
                return false;
            }
            address = (address << 8) | uint.Parse(octet, CultureInfo.InvariantCulture);
        }

        var mask = prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
        if ((address & ~mask) != 0)
        {
            var start = new Ipv4Block(address & mask, prefixLength);
            error = $"\"{value}\" is not the start of its block; did you mean {start}?";
            return false;
        }

        block = new Ipv4Block(address, prefixLength);
        return true;
    }

    public override string ToString()
    {
        var address = $"{Network >> 24}.{(Network >> 16) & 255}.{(Network >> 8) & 255}.{Network & 255}";
        return PrefixLength == 32 ? address : $"{address}/{PrefixLength}";
    }

    private static bool IsDecimal(string part) => part.Length > 0 && part.All(char.IsAsciiDigit);
}
