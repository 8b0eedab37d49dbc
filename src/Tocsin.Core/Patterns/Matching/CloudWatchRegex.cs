using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// A CloudWatch <c>%...%</c> regular expression (SPEC §4) translated, in this one place, to a .NET regex run by the
/// non-backtracking engine: evaluation is linear in the input, so no message can hang the matcher.
/// Flavour choices: <see cref="UnsettledSemantics.RegexIsAsciiAndNonBacktracking"/>.
/// </summary>
internal sealed class CloudWatchRegex
{
    private const int StackDecodeLimit = 1024;
    private readonly Regex _regex;

    /// <summary>Budget for the rare regex too large for the non-backtracking engine (such as <c>a{99999}</c>).</summary>
    private static readonly TimeSpan BacktrackingBudget = TimeSpan.FromMilliseconds(200);

    private CloudWatchRegex(string body)
    {
        Body = body;
        DotNetPattern = Translate(body);
        try
        {
            _regex = new Regex(DotNetPattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Its automaton would be too large; a backtracking engine with a time budget keeps the promise
            // that no message can hang the matcher (UnsettledSemantics.RegexIsAsciiAndNonBacktracking).
            _regex = new Regex(DotNetPattern, RegexOptions.CultureInvariant, BacktrackingBudget);
        }
        catch (ArgumentException invalid)
        {
            throw new ArgumentException($"the regular expression %{body}% cannot be compiled: {invalid.Message}", invalid);
        }
    }

    public string Body { get; }

    public string DotNetPattern { get; }

    public static CloudWatchRegex Compile(PatternRegex regex) => new(regex.Body);

    /// <summary>Why this regex body cannot be compiled (for a parser to report with a position), or null when it can.</summary>
    internal static string? CompileProblem(string body)
    {
        try
        {
            _ = new CloudWatchRegex(body);
            return null;
        }
        catch (ArgumentException invalid)
        {
            return (invalid.InnerException ?? invalid).Message;
        }
    }

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        try
        {
            return _regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Searches UTF-8 text; invalid bytes decode to U+FFFD, which no supported regex construct names.</summary>
    public bool IsMatch(ReadOnlySpan<byte> utf8)
    {
        var length = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        char[]? rented = null;
        var buffer = length <= StackDecodeLimit ? stackalloc char[StackDecodeLimit] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetChars(utf8, buffer);
            return IsMatch(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Rewrites the documented operators whose .NET meaning differs: <c>\d \w \s</c> (and negations) become ASCII
    /// classes, <c>{,n}</c> becomes <c>{0,n}</c>. Everything else (<c>^ $ ? [] [^] {m,n} | * + .</c>, <c>\xhh</c>,
    /// escaped symbols) means the same in both flavours and is copied.
    /// </summary>
    internal static string Translate(string body)
    {
        var output = new StringBuilder(body.Length + 16);
        var inClass = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                var escaped = body[++i];
                output.Append(TranslateEscape(escaped, inClass));
                continue;
            }

            if (c == '(' || c == ')')
                throw new ArgumentException($"CloudWatch regular expressions have no groups: '{c}' in %{body}%", nameof(body));

            if (inClass)
            {
                if (c == ']')
                    inClass = false;
                output.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    output.Append(c);
                    // A ']' right after '[' or '[^' is a literal member in both flavours; copy it so it does not close the class.
                    if (i + 1 < body.Length && body[i + 1] == '^')
                        output.Append(body[++i]);
                    if (i + 1 < body.Length && body[i + 1] == ']')
                    {
                        i++;
                        output.Append("\\]");
                    }

                    break;
                case '{' when i + 1 < body.Length && body[i + 1] == ',':
                    output.Append("{0");
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        return output.ToString();
    }

    private static string TranslateEscape(char escaped, bool inClass) => escaped switch
    {
        'd' => inClass ? "0-9" : "[0-9]",
        'D' => inClass ? "\\D" : "[^0-9]",
        'w' => inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]",
        'W' => inClass ? "\\W" : "[^a-zA-Z0-9_]",
        's' => inClass ? " \\t\\n\\x0B\\f\\r" : "[ \\t\\n\\x0B\\f\\r]",
        'S' => inClass ? "\\S" : "[^ \\t\\n\\x0B\\f\\r]",
        _ => "\\" + escaped,
    };
}
