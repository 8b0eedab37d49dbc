namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// A value CloudFormation would know only at deployment (a parameter without a default, an import, a generated id):
/// thrown while resolving, caught where the value becomes an <c>Observed</c>, so the field is unknown rather than guessed.
/// </summary>
internal sealed class Unresolvable(string why) : Exception(why);
