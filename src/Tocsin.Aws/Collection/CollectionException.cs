namespace Tocsin.Aws.Collection;

/// <summary>
/// The scan cannot start: the starting credentials do not work, or the organization's accounts cannot be listed.
/// Failures inside one account or region never raise this; they become unknown values.
/// </summary>
public sealed class CollectionException(string message, Exception? inner = null) : Exception(message, inner);
