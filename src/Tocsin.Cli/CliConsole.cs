namespace Tocsin.Cli;

/// <summary>Where a command writes: injected so tests run commands in-process and read what they print.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
