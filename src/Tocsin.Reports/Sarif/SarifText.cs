using System.Text;

namespace Tocsin.Reports.Sarif;

/// <summary>Text for SARIF messages, which may embed links to related locations as <c>[text](id)</c>.</summary>
internal static class SarifText
{
    /// <summary>
    /// Text that came from AWS or a template, with <c>\</c>, <c>[</c> and <c>]</c> escaped by a backslash (SARIF
    /// §3.11.6; GitHub's CodeQL tools unescape exactly these three), so a resource name cannot pose as an embedded
    /// link. JSON escaping is the writer's job.
    /// </summary>
    public static string Plain(string text)
    {
        if (text.AsSpan().IndexOfAny('\\', '[', ']') < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var character in text)
        {
            if (character is '\\' or '[' or ']')
            {
                escaped.Append('\\');
            }

            escaped.Append(character);
        }

        return escaped.ToString();
    }

    /// <summary>Appends a sentence, separated by a space and ended by a full stop unless it has one.</summary>
    public static StringBuilder Sentence(this StringBuilder text, string sentence)
    {
        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(sentence);
        if (sentence.Length > 0 && sentence[^1] is not ('.' or '!' or '?'))
        {
            text.Append('.');
        }

        return text;
    }
}
