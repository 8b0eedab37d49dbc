namespace Tocsin.Bench;

/// <summary>JSON lines held in memory: one buffer and where each event starts and ends.</summary>
internal sealed class EventFile
{
    private EventFile(byte[] bytes, (int Start, int Length)[] events)
    {
        Bytes = bytes;
        Events = events;
    }

    public byte[] Bytes { get; }

    public (int Start, int Length)[] Events { get; }

    /// <summary>Bytes of event text, newlines excluded.</summary>
    public long EventBytes => Events.Sum(e => (long)e.Length);

    public static EventFile FromLines(byte[] bytes)
    {
        var events = new List<(int, int)>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
                end = bytes.Length;
            if (end > start)
                events.Add((start, end - start));
            start = end + 1;
        }

        return new EventFile(bytes, events.ToArray());
    }

    public static EventFile Generate(int totalBytes = 32 * 1024 * 1024, int seed = 2024) =>
        FromLines(new CloudTrailEventGenerator(seed).GenerateLines(totalBytes));

    public ReadOnlySpan<byte> this[int index] => Bytes.AsSpan(Events[index].Start, Events[index].Length);
}
