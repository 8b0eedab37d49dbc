namespace Tocsin.Dashboard;

/// <summary>The dashboard cannot start as asked: an address it may not or cannot listen on. The message says which and what to do.</summary>
public sealed class DashboardSetupException : Exception
{
    public DashboardSetupException(string message)
        : base(message)
    {
    }

    public DashboardSetupException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public DashboardSetupException()
    {
    }
}
