using System.Globalization;
using System.Text;
using Tocsin.Emulator.Protocol;

namespace Tocsin.Emulator.Services;

/// <summary>
/// NextToken pagination over a sorted list. The token is opaque to clients (base64 of the offset), and a token
/// the emulator did not issue is refused with the service's own error code.
/// </summary>
internal static class Paging
{
    public sealed record Slice<T>(IReadOnlyList<T> Items, string? NextToken);

    public static Slice<T> Page<T>(IReadOnlyList<T> all, string? token, int? requested, int defaultSize, int maxSize, string invalidTokenCode)
    {
        var size = requested is null or <= 0 ? defaultSize : Math.Min(requested.Value, maxSize);
        var start = 0;
        if (!string.IsNullOrEmpty(token))
        {
            start = Decode(token) ?? throw new AwsError(invalidTokenCode, "The specified pagination token is not valid.");
            if (start > all.Count)
            {
                throw new AwsError(invalidTokenCode, "The specified pagination token is not valid.");
            }
        }

        var items = all.Skip(start).Take(size).ToList();
        var next = start + items.Count < all.Count ? Encode(start + items.Count) : null;
        return new Slice<T>(items, next);
    }

    private static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"tocsin:{offset}"));

    private static int? Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("tocsin:", StringComparison.Ordinal) && int.TryParse(text[7..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
