using System.Text.Json;

namespace Tocsin.Backtest.Input;

/// <summary>
/// Reads a CloudTrail log file — <c>{"Records": [ … ]}</c> — handing on each element of <c>Records</c> without
/// building a document: a streaming <see cref="Utf8JsonReader"/> over the window, whose state carries across refills,
/// skips each element to find its end; an element not yet whole waits for the next refill. The same reader takes a
/// file holding one record object, an array of records, or several of these one after another.
/// </summary>
internal static class CloudTrailRecords
{
    private static readonly JsonReaderOptions Options = new() { AllowMultipleValues = true, MaxDepth = 1000 };

    /// <summary>Reads the part; returns why it stopped early and where, if the JSON itself stopped it.</summary>
    public static (string Reason, long Offset)? Read(RecordWindow window, RecordHandler handler, PartTally tally, int maxRecordBytes, CancellationToken cancel)
    {
        var walk = new RecordsWalk(handler, tally, maxRecordBytes);
        var state = new JsonReaderState(Options);
        if (window.Fill() is Refill.Read && window.Data.StartsWith("\uFEFF"u8))
        {
            window.Consume(3);
        }

        while (true)
        {
            var data = window.Data;
            var reader = new Utf8JsonReader(data, window.AtEnd, state);
            var consumed = 0;
            try
            {
                // each step either completes (and moves the safe point) or waits for more bytes
                while (walk.Step(ref reader, data, window.Offset))
                {
                    consumed = (int)reader.BytesConsumed;
                    state = reader.CurrentState;
                }
            }
            catch (JsonException e)
            {
                var at = window.Offset + reader.BytesConsumed;
                walk.Stop($"invalid JSON at byte {at}: {FirstSentence(e.Message)}", at);
                return walk.Failure;
            }

            if (walk.Failure is not null || window.AtEnd)
            {
                return walk.Failure;
            }

            window.Consume(consumed);
            cancel.ThrowIfCancellationRequested();
            switch (window.Fill())
            {
                case Refill.Full:
                    // the pending value fills the largest window: skip its bytes, the reader's state stays where it was
                    var skipped = ValueSkipper.Skip(window, walk.AmongRecords);
                    if (skipped.Problem is not null)
                    {
                        walk.Stop(skipped.Problem, skipped.Offset);
                        return walk.Failure;
                    }

                    if (window.Failure is not null)
                    {
                        return null;
                    }

                    walk.Skipped(skipped.Offset);
                    break;
                case Refill.End when !window.AtEnd:
                    // reading stopped early (damaged gzip, decompression limit): the window says why
                    return null;
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd();
    }
}
