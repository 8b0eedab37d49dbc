namespace Tocsin.Core.Controls;

/// <summary>
/// Something a control cites: an identifier such as <c>CCE-79187-1</c> or <c>CIS Controls v6 5.5</c>, or a
/// documentation page (then <see cref="Url"/> is set).
/// </summary>
public sealed record ControlReference(string Title, string? Url = null);
