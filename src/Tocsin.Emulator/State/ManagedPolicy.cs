namespace Tocsin.Emulator.State;

/// <summary>A customer managed IAM policy with its one version (<c>v1</c>).</summary>
public sealed record ManagedPolicy(string Arn, string Name, string PolicyId, string Document, DateTimeOffset Created);
