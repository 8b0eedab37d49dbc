namespace Tocsin.Cli;

/// <summary>Bad input the user can fix; the message says where and what, and the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);
