using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Backtest.Judging;

/// <summary>
/// What a report says about a matching record: when (<c>eventTime</c>), who (<c>userIdentity.arn</c>, else its type),
/// from where (<c>sourceIPAddress</c>), in which account (<c>recipientAccountId</c>) and region (<c>awsRegion</c>).
/// Taken for records some pattern matched, from what the pattern set captured as it read them (<see cref="From"/>), or
/// by reading them again (<see cref="Read"/>). A field written more than once counts its last string value.
/// </summary>
internal readonly record struct RecordFacts(DateTimeOffset? Time, string Principal, string SourceIp, string Account, string Region)
{
    public const string Unknown = "(unknown)";

    /// <summary>
    /// The fields the facts come from, for a pattern set to capture while it reads a record for its patterns
    /// (<see cref="From"/>), in the order of <see cref="From"/>'s slots.
    /// </summary>
    public static IReadOnlyList<JsonSelector> Selectors { get; } =
    [
        Selector("eventTime"),
        Selector("userIdentity", "arn"),
        Selector("userIdentity", "type"),
        Selector("userIdentity", "accountId"),
        Selector("sourceIPAddress"),
        Selector("recipientAccountId"),
        Selector("awsRegion"),
    ];

    /// <summary>
    /// The facts from what a pattern set captured at <see cref="Selectors"/> while it read the record: what
    /// <see cref="Read"/> gives, without reading the record again. Null when the record was not read, or a value is
    /// escaped (then <see cref="Read"/> it).
    /// </summary>
    public static RecordFacts? From(ReadOnlySpan<byte> record, ReadOnlySpan<CapturedText> captured, Utf8Strings strings)
    {
        if (captured.Length != Selectors.Count)
        {
            throw new ArgumentException($"the captures of {nameof(Selectors)} are needed, {Selectors.Count} of them; got {captured.Length}", nameof(captured));
        }

        foreach (var capture in captured)
        {
            if (capture.State is CaptureState.NotRead or CaptureState.Escaped)
            {
                return null;
            }
        }

        var time = captured[0].State == CaptureState.Found ? ParseTime(captured[0].In(record)) : null;
        return new RecordFacts(
            time,
            Captured(record, captured[1], strings) ?? Captured(record, captured[2], strings) ?? Unknown,
            Captured(record, captured[4], strings) ?? Unknown,
            Captured(record, captured[5], strings) ?? Captured(record, captured[3], strings) ?? Unknown,
            Captured(record, captured[6], strings) ?? Unknown);
    }

    private static string? Captured(ReadOnlySpan<byte> record, CapturedText capture, Utf8Strings strings) =>
        capture.State == CaptureState.Found ? strings.Get(capture.In(record)) : null;

    private static JsonSelector Selector(params string[] names) =>
        new("$." + string.Join('.', names), [.. names.Select(name => (SelectorStep)new PropertyStep(name))]);

    /// <summary>Reads a record's facts; <paramref name="strings"/> hands out the strings of values seen before.</summary>
    public static RecordFacts Read(ReadOnlySpan<byte> record, Utf8Strings strings)
    {
        DateTimeOffset? time = null;
        string? arn = null, identityType = null, ip = null, account = null, region = null, userAccount = null;
        var reader = new Utf8JsonReader(record, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = UnsettledSemantics.MaxJsonDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new RecordFacts(null, Unknown, Unknown, Unknown, Unknown);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("userIdentity"u8))
                {
                    reader.Read();
                    Identity(ref reader, strings, ref arn, ref identityType, ref userAccount);
                    continue;
                }

                var field = reader.ValueTextEquals("eventTime"u8) ? 1
                    : reader.ValueTextEquals("sourceIPAddress"u8) ? 2
                    : reader.ValueTextEquals("recipientAccountId"u8) ? 3
                    : reader.ValueTextEquals("awsRegion"u8) ? 4
                    : 0;
                reader.Read();
                if (field == 0 || reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }

                switch (field)
                {
                    case 1:
                        time = ParseTime(reader.ValueSpan, reader.ValueIsEscaped ? reader.GetString() : null);
                        break;
                    case 2:
                        ip = Text(ref reader, strings);
                        break;
                    case 3:
                        account = Text(ref reader, strings);
                        break;
                    default:
                        region = Text(ref reader, strings);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A record the matcher read but JSON does not (truncated after the matched part): what was read stands.
        }

        return new RecordFacts(time, arn ?? identityType ?? Unknown, ip ?? Unknown, account ?? userAccount ?? Unknown, region ?? Unknown);
    }

    // the reader has checked the string's UTF-8; only an escaped one needs the reader to turn it into text
    private static string Text(ref Utf8JsonReader reader, Utf8Strings strings) =>
        reader.ValueIsEscaped ? reader.GetString()! : strings.Get(reader.ValueSpan);

    private static void Identity(ref Utf8JsonReader reader, Utf8Strings strings, ref string? arn, ref string? type, ref string? account)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals("arn"u8) ? 1 : reader.ValueTextEquals("type"u8) ? 2 : reader.ValueTextEquals("accountId"u8) ? 3 : 0;
            reader.Read();
            if (field == 0 || reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                continue;
            }

            var value = Text(ref reader, strings);
            if (field == 1)
            {
                arn = value;
            }
            else if (field == 2)
            {
                type = value;
            }
            else
            {
                account = value;
            }
        }
    }

    /// <summary>CloudTrail writes <c>2026-10-04T09:12:00Z</c>; anything else ISO 8601 is read too, and an unreadable time is null.</summary>
    internal static DateTimeOffset? ParseTime(ReadOnlySpan<byte> utf8, string? unescaped = null)
    {
        if (unescaped is null && utf8.Length == 20 && utf8[19] == (byte)'Z' && utf8[10] == (byte)'T'
            && Utf8Parser.TryParse(utf8[..4], out int year, out _) && Utf8Parser.TryParse(utf8.Slice(5, 2), out int month, out _)
            && Utf8Parser.TryParse(utf8.Slice(8, 2), out int day, out _) && Utf8Parser.TryParse(utf8.Slice(11, 2), out int hour, out _)
            && Utf8Parser.TryParse(utf8.Slice(14, 2), out int minute, out _) && Utf8Parser.TryParse(utf8.Slice(17, 2), out int second, out _)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) && hour < 24 && minute < 60 && second < 60 && year >= 1)
        {
            return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        }

        var text = unescaped ?? Encoding.UTF8.GetString(utf8);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
    }
}
