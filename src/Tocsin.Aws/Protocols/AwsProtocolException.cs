namespace Tocsin.Aws.Protocols;

/// <summary>A reply that does not have the shape the service model promises.</summary>
public sealed class AwsProtocolException(string message, Exception? inner = null) : Exception(message, inner);
