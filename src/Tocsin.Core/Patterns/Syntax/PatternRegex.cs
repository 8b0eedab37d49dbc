namespace Tocsin.Core.Patterns.Syntax;

/// <summary>
/// A <c>%...%</c> regular expression as CloudWatch Logs accepts it (SPEC.md §4): no groups, no <c>!</c>,
/// ASCII only. <see cref="Body"/> is the text between the percent signs.
/// </summary>
public sealed record PatternRegex(string Body);
