using System.Globalization;

namespace Tocsin.Cli;

/// <summary>Where a command writes: injected so tests run commands in-process and read what they print.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The width text is laid out for when no terminal says otherwise and <c>COLUMNS</c> is not set.</summary>
    public const int DefaultWidth = 120;

    /// <summary>True when standard output is this process's terminal: the report is then coloured and fitted to it.</summary>
    public bool OutIsTerminal => !Console.IsOutputRedirected && ReferenceEquals(Out, Console.Out);

    /// <summary>
    /// The columns to lay text out in, so no line is longer: the terminal's width, else <c>COLUMNS</c>, else 120.
    /// A pseudo-terminal may report no width at all; <c>COLUMNS</c> or 120 stand in then too.
    /// </summary>
    public int Width => OutIsTerminal && Console.WindowWidth > 0 ? Console.WindowWidth : Columns() ?? DefaultWidth;

    private static int? Columns() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? columns
            : null;
}
