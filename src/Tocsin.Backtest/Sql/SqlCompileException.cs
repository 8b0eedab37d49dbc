namespace Tocsin.Backtest.Sql;

/// <summary>
/// A pattern, or one of its conditions, that a dialect cannot express with exactly CloudWatch's meaning. The
/// message names the construct and the dialect; nothing is ever compiled to an approximation instead.
/// </summary>
public sealed class SqlCompileException : Exception
{
    public SqlCompileException()
    {
    }

    public SqlCompileException(string message) : base(message)
    {
    }

    public SqlCompileException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
