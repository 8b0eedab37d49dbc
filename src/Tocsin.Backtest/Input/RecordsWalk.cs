using System.Text.Json;

namespace Tocsin.Backtest.Input;

/// <summary>
/// Where reading a CloudTrail file is: at the top level, inside <c>Records</c>, or in the rest of the file's object. A step reads one unit (a token, or a whole record) and either completes it
/// or returns false to wait for more bytes, so the caller can restart the step after a refill. A value too long
/// for the window is skipped byte by byte by <see cref="ValueSkipper"/>, and stands in as a placeholder.
/// </summary>
internal sealed class RecordsWalk(RecordHandler handler, PartTally tally, int maxRecordBytes)
{
    private Level level = Level.Top;
    private bool recordsAtTop;
    private bool placeholderNext;

    private enum Level
    {
        Top,
        Records,
        FileObject,
    }

    /// <summary>True between the elements of a records array, where a value is preceded by a comma.</summary>
    public bool AmongRecords => level == Level.Records;

    public (string Reason, long Offset)? Failure { get; private set; }

    public void Stop(string reason, long offset) => Failure ??= (reason, offset);

    /// <summary>
    /// The pending value, at <paramref name="offset"/>, did not fit the largest window and its bytes were skipped; a
    /// one-byte placeholder value stands in its place, which the next step takes silently.
    /// </summary>
    public void Skipped(long offset)
    {
        if (level is Level.Top or Level.Records)
        {
            tally.TooLong(offset);
        }

        placeholderNext = true;
    }

    public bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, long offset)
    {
        if (Failure is not null || !reader.Read())
        {
            return false;
        }

        if (placeholderNext)
        {
            placeholderNext = false;
            return true;
        }

        return level switch
        {
            Level.Top => AtTop(ref reader, data, offset),
            Level.Records => InRecords(ref reader, data, offset),
            _ => InFileObject(ref reader),
        };
    }

    private bool AtTop(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, long offset)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var start = (int)reader.TokenStartIndex;
                var peek = reader;
                if (!peek.Read())
                {
                    return false;
                }

                if (peek.TokenType == JsonTokenType.PropertyName && IsRecords(ref peek))
                {
                    if (!peek.Read())
                    {
                        return false;
                    }

                    if (peek.TokenType != JsonTokenType.StartArray)
                    {
                        Stop($"\"Records\" holds {Describe(peek.TokenType)}, not an array of records (at byte {offset + peek.TokenStartIndex})", offset + peek.TokenStartIndex);
                        return false;
                    }

                    reader = peek;
                    level = Level.Records;
                    recordsAtTop = false;
                    return true;
                }

                // a file of one record
                if (!reader.TrySkip())
                {
                    return false;
                }

                Hand(data[start..(int)reader.BytesConsumed], offset + start);
                return true;
            case JsonTokenType.StartArray:
                level = Level.Records;
                recordsAtTop = true;
                return true;
            default:
                tally.Bad(offset + reader.TokenStartIndex, $"not a JSON object: the file holds {Describe(reader.TokenType)}");
                return true;
        }
    }

    private bool InRecords(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, long offset)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                if (!reader.TrySkip())
                {
                    return false;
                }

                Hand(data[start..(int)reader.BytesConsumed], offset + start);
                return true;
            case JsonTokenType.EndArray:
                level = recordsAtTop ? Level.Top : Level.FileObject;
                return true;
            case JsonTokenType.StartArray:
                if (!reader.TrySkip())
                {
                    return false;
                }

                tally.Bad(offset + start, "a record that is an array, not an object: skipped");
                return true;
            default:
                tally.Bad(offset + start, $"a record that is {Describe(reader.TokenType)}, not an object: skipped");
                return true;
        }
    }

    private bool InFileObject(ref Utf8JsonReader reader)
    {
        // what follows Records in the file's object is not records: skip it
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                return reader.TrySkip();
            case JsonTokenType.EndObject:
                level = Level.Top;
                return true;
            default:
                return true;
        }
    }

    private void Hand(ReadOnlySpan<byte> record, long offset)
    {
        if (record.Length > maxRecordBytes)
        {
            tally.TooLong(offset);
            return;
        }

        handler(record);
        tally.Handed();
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "something else",
    };

    /// <summary>The property is <c>Records</c>; a name escaped into text that is not UTF-16 (a lone surrogate) is not.</summary>
    private static bool IsRecords(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.SequenceEqual("Records"u8);
        }

        try
        {
            return reader.ValueTextEquals("Records"u8);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
