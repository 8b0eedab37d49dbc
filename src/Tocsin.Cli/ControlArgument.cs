using Tocsin.Core.Controls;

namespace Tocsin.Cli;

/// <summary>Resolves the control ids and aliases users type (<c>console-signin-without-mfa</c>, <c>securityhub:CloudWatch.3</c>).</summary>
internal static class ControlArgument
{
    public static Control Resolve(string idOrAlias) =>
        ControlCatalog.Default.Find(idOrAlias)
        ?? throw new UsageException($"unknown control `{idOrAlias}`; known: {string.Join(", ", ControlCatalog.Default.Ids)} (or an alias such as cis-aws-1.2:3.2)");
}
