using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// Short strings a CloudWatch regular expression matches, one per top-level alternative: each character class
/// becomes its first member, <c>.</c> becomes <c>x</c>, and a quantifier repeats its atom the fewest times it allows.
/// They seed the event space so a record that satisfies the regex is always among the representatives.
/// </summary>
internal static class RegexSamples
{
    public static IEnumerable<string> For(PatternRegex regex) =>
        SplitAlternatives(regex.Body).Select(Sample).Where(sample => sample.Length > 0).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> SplitAlternatives(string body)
    {
        var start = 0;
        var inClass = false;
        for (var i = 0; i < body.Length; i++)
        {
            switch (body[i])
            {
                case '\\': i++; break;
                case '[': inClass = true; break;
                case ']': inClass = false; break;
                case '|' when !inClass:
                    yield return body[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return body[start..];
    }

    private static string Sample(string alternative)
    {
        var text = new StringBuilder();
        for (var i = 0; i < alternative.Length; i++)
        {
            var atomStart = text.Length;
            switch (alternative[i])
            {
                case '^' or '$':
                    continue;
                case '\\' when i + 1 < alternative.Length:
                    text.Append(Escaped(alternative, ref i));
                    break;
                case '[':
                    text.Append(FirstOfClass(alternative, ref i));
                    break;
                case '.':
                    text.Append('x');
                    break;
                default:
                    text.Append(alternative[i]);
                    break;
            }

            ApplyQuantifier(alternative, ref i, text, atomStart);
        }

        return text.ToString();
    }

    private static string Escaped(string alternative, ref int i)
    {
        i++;
        switch (alternative[i])
        {
            case 'd': return "0";
            case 'w': return "a";
            case 's': return " ";
            case 'D' or 'W' or 'S': return "-";
            case 'x' when i + 2 < alternative.Length:
                var hex = alternative.Substring(i + 1, 2);
                i += 2;
                return ((char)Convert.ToInt32(hex, 16)).ToString();
            default: return alternative[i].ToString();
        }
    }

    private static string FirstOfClass(string alternative, ref int i)
    {
        var close = alternative.IndexOf(']', i + 2);
        var members = close < 0 ? alternative[(i + 1)..] : alternative[(i + 1)..close];
        i = close < 0 ? alternative.Length - 1 : close;
        if (members.StartsWith('^'))
        {
            // A negated class: pick a character it leaves out.
            return "~=@#_Zz9".First(c => !members.Contains(c, StringComparison.Ordinal)).ToString();
        }

        if (members.Length > 1 && members[0] == '\\')
        {
            var escape = 0;
            return Escaped(members, ref escape);
        }

        return members.Length > 0 ? members[..1] : "x";
    }

    private static void ApplyQuantifier(string alternative, ref int i, StringBuilder text, int atomStart)
    {
        if (i + 1 >= alternative.Length)
        {
            return;
        }

        var atom = text.ToString(atomStart, text.Length - atomStart);
        switch (alternative[i + 1])
        {
            case '*' or '?':
                text.Length = atomStart;
                i++;
                break;
            case '+':
                i++;
                break;
            case '{':
                var close = alternative.IndexOf('}', i + 1);
                if (close < 0)
                {
                    return;
                }

                var bounds = alternative[(i + 2)..close].Split(',');
                var min = int.TryParse(bounds[0], out var parsed) ? parsed : 0;
                text.Length = atomStart;
                text.Insert(atomStart, string.Concat(Enumerable.Repeat(atom, Math.Min(min, 64))));
                i = close;
                break;
        }
    }
}
