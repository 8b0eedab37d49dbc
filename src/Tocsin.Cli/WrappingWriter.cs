using System.Text;

namespace Tocsin.Cli;

/// <summary>
/// Writes lines no wider than the given columns: a longer line breaks at the last space that fits, and its
/// continuation lines are indented four columns past the line's own indent. Column padding inside a line is kept.
/// </summary>
internal sealed class WrappingWriter(TextWriter inner, int width) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            inner.Write(Wrap(_line.ToString().TrimEnd('\r'), width));
            inner.Write('\n');
            _line.Clear();
        }
        else
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            inner.Write(Wrap(_line.ToString(), width));
            _line.Clear();
        }

        inner.Flush();
    }

    /// <summary>The line broken to <paramref name="columns"/>, continuation lines hanging under it.</summary>
    public static string Wrap(string line, int columns)
    {
        if (line.Length <= columns)
        {
            return line;
        }

        var indent = new string(' ', Math.Min(line.Length - line.TrimStart(' ').Length + 4, columns / 2));
        var result = new StringBuilder();
        var rest = line;
        var first = true;
        while (rest.Length > 0)
        {
            var room = first ? columns : columns - indent.Length;
            var piece = rest.Length <= room ? rest : rest[..Break(rest, room)];
            result.Append(first ? "" : "\n" + indent).Append(piece.TrimEnd(' '));
            rest = rest[piece.Length..].TrimStart(' ');
            first = false;
        }

        return result.ToString();
    }

    /// <summary>Where to cut: after the last space within <paramref name="room"/> that leaves text before it, else at <paramref name="room"/>.</summary>
    private static int Break(string text, int room)
    {
        var space = text.LastIndexOf(' ', room);
        return space > 0 && text[..space].Trim().Length > 0 ? space : room;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
