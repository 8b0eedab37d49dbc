namespace Tocsin.Store;

/// <summary>The store cannot be used as asked: unreachable, written by a newer Tocsin, a run id taken. The message says which and what to do.</summary>
public sealed class StoreException : Exception
{
    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StoreException()
    {
    }
}
