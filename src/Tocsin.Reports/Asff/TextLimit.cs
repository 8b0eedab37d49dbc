using System.Globalization;

namespace Tocsin.Reports.Asff;

/// <summary>Shortens text to a documented length limit without splitting a character, marking the cut.</summary>
public static class TextLimit
{
    private const char Ellipsis = '…';

    /// <summary><paramref name="text"/> when it fits in <paramref name="max"/> UTF-16 units; else its start and "…".</summary>
    public static string Fit(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Cut at a text-element boundary so a surrogate pair or a combining sequence is never split.
        var keep = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + elements.GetTextElement().Length;
            if (end > max - 1)
            {
                break;
            }

            keep = end;
        }

        return string.Concat(text.AsSpan(0, keep).TrimEnd(), Ellipsis.ToString());
    }
}
