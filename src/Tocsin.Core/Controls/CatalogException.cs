namespace Tocsin.Core.Controls;

/// <summary>
/// The embedded control catalog is malformed. It is Tocsin's own data, so this is a bug in Tocsin, never a
/// user error; the message names the control and the field.
/// </summary>
public sealed class CatalogException : Exception
{
    public CatalogException(string message)
        : base(message)
    {
    }

    public CatalogException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CatalogException()
    {
    }
}
