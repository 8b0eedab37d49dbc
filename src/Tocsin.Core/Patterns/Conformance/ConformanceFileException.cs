namespace Tocsin.Core.Patterns.Conformance;

/// <summary>A conformance file that is not in the shared format; the message names the line and the problem.</summary>
public sealed class ConformanceFileException(string message) : Exception(message);
