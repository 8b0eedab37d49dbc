namespace Tocsin.Core.EventPatterns;

/// <summary>
/// Why EventBridge would refuse a pattern: <see cref="Line"/> and <see cref="Column"/> are 1-based and point at the
/// offending token; <see cref="Message"/> says what is wrong in the user's words and ends with where.
/// </summary>
public sealed record EventPatternError(int Line, int Column, string Message)
{
    public override string ToString() => Message;

    /// <summary>The pattern's offending line with a caret under the column, for a terminal.</summary>
    public string Pointer(string patternText)
    {
        ArgumentNullException.ThrowIfNull(patternText);
        var lines = patternText.Split('\n');
        if (Line < 1 || Line > lines.Length)
        {
            return "";
        }

        var text = lines[Line - 1].TrimEnd('\r');
        var pad = new string([.. text.Take(Math.Max(0, Column - 1)).Select(c => c == '\t' ? '\t' : ' ')]);
        return text + Environment.NewLine + pad + "^";
    }
}

/// <summary>Either a pattern or the reason it was refused; parsing never throws on bad input.</summary>
public sealed record EventPatternParseResult(EventPattern? Pattern, EventPatternError? Error)
{
    public bool Succeeded => Pattern is not null;
}

/// <summary>Thrown inside the parser only, to unwind; <see cref="EventPatternParser.Parse"/> returns it as a value.</summary>
internal sealed class EventPatternSyntaxException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
