namespace Tocsin.Core.Inventory;

/// <summary>A CloudWatch Logs log group.</summary>
/// <param name="Arn">The log group ARN without the trailing <c>:*</c> (see <see cref="LogGroupArns"/>).</param>
/// <param name="Name">The log group name.</param>
public sealed record LogGroup(string Arn, string Name, Source? Source = null);
