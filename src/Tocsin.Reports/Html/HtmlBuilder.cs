using System.Text;

namespace Tocsin.Reports.Html;

/// <summary>
/// Writes an HTML page element by element. Tag and attribute names are the writer's own constants; every text and
/// attribute value goes through <see cref="Escape"/>, so a name from AWS or a template can never open an element.
/// Block elements sit on their own lines, indented, so a page diffs line by line.
/// </summary>
internal sealed class HtmlBuilder
{
    private readonly StringBuilder page = new();
    private int depth;

    /// <summary>An element whose children are written by <paramref name="children"/>, each on lines of their own.</summary>
    public void Block(string tag, Action children) => Block(tag, [], children);

    public void Block(string tag, (string Name, string? Value)[] attributes, Action children)
    {
        StartLine();
        OpenTag(tag, attributes);
        page.Append('\n');
        depth++;
        children();
        depth--;
        StartLine();
        page.Append("</").Append(Name(tag)).Append(">\n");
    }

    /// <summary>An element on one line holding only text.</summary>
    public void Line(string tag, string text) => Line(tag, [], text);

    public void Line(string tag, (string Name, string? Value)[] attributes, string text) =>
        Line(tag, attributes, () => Text(text));

    /// <summary>An element on one line whose content is inline elements and text written by <paramref name="inline"/>.</summary>
    public void Line(string tag, (string Name, string? Value)[] attributes, Action inline)
    {
        StartLine();
        Inline(tag, attributes, inline);
        page.Append('\n');
    }

    /// <summary>An element inside the current line.</summary>
    public void Inline(string tag, string text) => Inline(tag, [], text);

    public void Inline(string tag, (string Name, string? Value)[] attributes, string text) =>
        Inline(tag, attributes, () => Text(text));

    public void Inline(string tag, (string Name, string? Value)[] attributes, Action inline)
    {
        OpenTag(tag, attributes);
        inline();
        page.Append("</").Append(Name(tag)).Append('>');
    }

    /// <summary>An element with no content or end tag, such as <c>meta</c>, on a line of its own.</summary>
    public void Void(string tag, (string Name, string? Value)[] attributes)
    {
        StartLine();
        OpenTag(tag, attributes);
        page.Append('\n');
    }

    /// <summary>
    /// Preformatted text, inside <c>code</c> when it is code: not indented, since every space inside <c>pre</c> shows.
    /// </summary>
    public void Preformatted((string Name, string? Value)[] attributes, string text, bool code = false)
    {
        StartLine();
        OpenTag("pre", attributes);
        // A newline right after <pre> is dropped by parsers; one of our own keeps a leading blank line of the text.
        page.Append('\n');
        page.Append(code ? "<code>" : "").Append(Escape(text)).Append(code ? "</code>" : "");
        page.Append("</pre>\n");
    }

    public void Text(string text) => page.Append(Escape(text));

    /// <summary>
    /// The page's one style sheet, written as given: it is the writer's constant, not data, and must not be able to
    /// end its own element.
    /// </summary>
    public void Style(string css)
    {
        if (css.Contains("</", StringComparison.Ordinal))
        {
            throw new ArgumentException("a style sheet must not contain '</'", nameof(css));
        }

        StartLine();
        page.Append("<style>").Append(css).Append("</style>\n");
    }

    /// <summary>The document type, which must come first.</summary>
    public void Doctype() => page.Append("<!doctype html>\n");

    public override string ToString() => page.ToString();

    /// <summary>
    /// Text and attribute values as HTML: the five characters that can end or open markup become references, and
    /// control characters that HTML forbids become U+FFFD.
    /// </summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' => c.ToString(),
                '\r' => "",
                _ when char.IsControl(c) => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private void OpenTag(string tag, (string Name, string? Value)[] attributes)
    {
        page.Append('<').Append(Name(tag));
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            page.Append(' ').Append(Name(name)).Append("=\"").Append(Escape(value)).Append('"');
        }

        page.Append('>');
    }

    private void StartLine() => page.Append(' ', depth * 2);

    /// <summary>A tag or attribute name, which the writer spells itself: lower-case letters, digits and hyphens only.</summary>
    private static string Name(string name) =>
        name.Length > 0 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            ? name
            : throw new ArgumentException($"'{name}' is not a tag or attribute name this writer spells", nameof(name));
}
