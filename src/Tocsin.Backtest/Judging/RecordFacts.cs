using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tocsin.Backtest.Judging;

/// <summary>
/// What a report says about a matching record: when (<c>eventTime</c>), who (<c>userIdentity.arn</c>, else its type),
/// from where (<c>sourceIPAddress</c>), in which account (<c>recipientAccountId</c>) and region (<c>awsRegion</c>).
/// Read only for records some pattern matched, so the cost of a full scan is paid rarely.
/// </summary>
internal readonly record struct RecordFacts(DateTimeOffset? Time, string Principal, string SourceIp, string Account, string Region)
{
    public const string Unknown = "(unknown)";

    public static RecordFacts Read(ReadOnlySpan<byte> record)
    {
        DateTimeOffset? time = null;
        string? arn = null, identityType = null, ip = null, account = null, region = null, userAccount = null;
        var reader = new Utf8JsonReader(record, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
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
                    (arn, identityType, userAccount) = Identity(ref reader);
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
                        ip = reader.GetString();
                        break;
                    case 3:
                        account = reader.GetString();
                        break;
                    default:
                        region = reader.GetString();
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

    private static (string? Arn, string? Type, string? Account) Identity(ref Utf8JsonReader reader)
    {
        string? arn = null, type = null, account = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return (null, null, null);
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

            var value = reader.GetString();
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

        return (arn, type, account);
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
