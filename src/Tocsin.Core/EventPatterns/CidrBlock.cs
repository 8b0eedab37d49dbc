using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tocsin.Core.EventPatterns;

/// <summary>Strict parsing of IP addresses and CIDR blocks, and membership.</summary>
internal static class CidrBlock
{
    /// <summary>An address written as four dotted decimals (IPv4) or with colons (IPv6); nothing looser.</summary>
    public static IPAddress? ParseAddress(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return !text.Contains('%', StringComparison.Ordinal) && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 ? v6 : null;
        }

        var parts = text.Split('.');
        if (parts.Length != 4 || parts.Any(part => part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || int.Parse(part, CultureInfo.InvariantCulture) > 255))
        {
            return null;
        }

        return IPAddress.Parse(text);
    }

    public static (IPAddress Network, int PrefixLength)? ParseBlock(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = ParseAddress(slash < 0 ? text : text[..slash]);
        if (address is null)
        {
            return null;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
        {
            return (address, bits);
        }

        var length = text[(slash + 1)..];
        if (length.Length is 0 or > 3 || !length.All(char.IsAsciiDigit) || int.Parse(length, CultureInfo.InvariantCulture) > bits)
        {
            return null;
        }

        return (address, int.Parse(length, CultureInfo.InvariantCulture));
    }

    public static bool Contains(IPAddress network, int prefixLength, IPAddress address)
    {
        if (network.AddressFamily != address.AddressFamily)
        {
            return false;
        }

        var a = network.GetAddressBytes();
        var b = address.GetAddressBytes();
        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
