using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tocsin.Emulator.Protocol;

/// <summary>
/// Recomputes a request's SigV4 signature from the secret the scenario holds for its key
/// (the algorithm of the AWS General Reference, "Create a signed AWS API request").
/// </summary>
internal static class SigV4Verifier
{
    public static bool Matches(SigV4Request signed, string secret, string method, string rawPath, string rawQuery, IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var canonical = CanonicalRequest(signed, method, rawPath, rawQuery, headers, body);
        var stringToSign = $"AWS4-HMAC-SHA256\n{signed.AmzDate}\n{signed.Scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), signed.Date);
        key = Hmac(key, signed.Region);
        key = Hmac(key, signed.Service);
        key = Hmac(key, "aws4_request");
        var expected = Encoding.ASCII.GetBytes(Hex(Hmac(key, stringToSign)));
        var given = Encoding.ASCII.GetBytes(signed.Signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string CanonicalRequest(SigV4Request signed, string method, string rawPath, string rawQuery, IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(CanonicalPath(rawPath, signed.Service)).Append('\n');
        builder.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in signed.SignedHeaders)
        {
            var values = headers.TryGetValue(name, out var found) ? found.ToString() : string.Empty;
            builder.Append(name).Append(':').Append(CollapseSpaces(values)).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signed.SignedHeaders)).Append('\n');
        var payloadHash = headers.TryGetValue("x-amz-content-sha256", out var declared) && declared.Count > 0
            ? declared.ToString()
            : Hex(SHA256.HashData(body));
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>S3 signs the path as sent; every other service encodes it once more.</summary>
    private static string CanonicalPath(string rawPath, string service)
    {
        var path = string.IsNullOrEmpty(rawPath) ? "/" : rawPath;
        return service == "s3" ? path : string.Join('/', path.Split('/').Select(Encode));
    }

    private static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Select(pair => (Key: Encode(Uri.UnescapeDataString(pair[0])), Value: pair.Length > 1 ? Encode(Uri.UnescapeDataString(pair[1])) : string.Empty))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    /// <summary>RFC 3986 encoding of everything but the unreserved characters.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }

    private static string CollapseSpaces(string value)
    {
        var trimmed = value.Trim();
        var builder = new StringBuilder(trimmed.Length);
        var previousSpace = false;
        foreach (var c in trimmed)
        {
            if (c == ' ')
            {
                if (!previousSpace)
                {
                    builder.Append(c);
                }

                previousSpace = true;
            }
            else
            {
                builder.Append(c);
                previousSpace = false;
            }
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
