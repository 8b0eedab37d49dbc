namespace Tocsin.Core.Patterns.Matching;

/// <summary>One field of a space-delimited event: its value and where its text starts in the message.</summary>
internal readonly record struct DelimitedToken(string Value, int Start);

/// <summary>
/// Splits a message into the fields a space-delimited pattern binds (SPEC §6.1): separated by spaces or tabs,
/// with <c>[...]</c> and <c>"..."</c> each one field without its delimiters.
/// See UnsettledSemantics.DelimitedFieldSeparators.
/// </summary>
internal static class DelimitedEvent
{
    public static List<DelimitedToken> Split(string message)
    {
        var tokens = new List<DelimitedToken>();
        var separators = UnsettledSemantics.DelimitedFieldSeparators;
        var i = 0;
        while (i < message.Length)
        {
            if (separators.Contains(message[i], StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            var start = i;
            var close = message[i] switch
            {
                '[' => ']',
                '"' => '"',
                _ => '\0',
            };
            if (close != '\0')
            {
                var end = message.IndexOf(close, i + 1);
                if (end < 0)
                    end = message.Length;
                tokens.Add(new DelimitedToken(message[(i + 1)..end], start));
                i = end + 1;
                continue;
            }

            while (i < message.Length && !separators.Contains(message[i], StringComparison.Ordinal))
                i++;
            tokens.Add(new DelimitedToken(message[start..i], start));
        }

        return tokens;
    }
}
