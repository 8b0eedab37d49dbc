namespace Tocsin.Aws.Http;

/// <summary>Settings that cannot work (a bad endpoint URL, a profile that does not exist); the message says which and why.</summary>
public sealed class AwsConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
