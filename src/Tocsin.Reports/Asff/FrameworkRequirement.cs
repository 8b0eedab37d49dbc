using System.Globalization;
using Tocsin.Core.Controls;

namespace Tocsin.Reports.Asff;

/// <summary>
/// One framework number a control answers, spelled as Security Hub spells its own CIS findings:
/// <c>cis-aws-1.2:3.2</c> is <c>CIS AWS Foundations Benchmark v1.2.0/3.2</c>; <c>securityhub:CloudWatch.3</c> is the
/// Security Hub control <c>CloudWatch.3</c>.
/// </summary>
/// <param name="Standard">The framework and its version, e.g. <c>CIS AWS Foundations Benchmark v1.2.0</c>.</param>
/// <param name="Number">The requirement within it, e.g. <c>3.2</c>.</param>
/// <param name="IsSecurityHubControl">True for a Security Hub control id rather than a benchmark requirement.</param>
public sealed record FrameworkRequirement(string Standard, string Number, bool IsSecurityHubControl)
{
    public const string CisBenchmark = "CIS AWS Foundations Benchmark";
    public const string SecurityHub = "AWS Security Hub";

    /// <summary>The requirement as one string: <c>CIS AWS Foundations Benchmark v1.2.0/3.2</c>.</summary>
    public string Text => $"{Standard}/{Number}";

    /// <summary>Every alias of the control, in catalog order; an alias of an unknown framework keeps its own prefix.</summary>
    public static IReadOnlyList<FrameworkRequirement> Of(Control control) => [.. control.Aliases.Select(Parse)];

    private static FrameworkRequirement Parse(string alias)
    {
        var colon = alias.IndexOf(':', StringComparison.Ordinal);
        var framework = colon < 0 ? alias : alias[..colon];
        var number = colon < 0 ? "" : alias[(colon + 1)..];
        if (framework.StartsWith("cis-aws-", StringComparison.Ordinal))
        {
            var version = framework["cis-aws-".Length..];
            var full = version.Count(c => c == '.') == 1 ? version + ".0" : version;
            return new FrameworkRequirement(string.Create(CultureInfo.InvariantCulture, $"{CisBenchmark} v{full}"), number, false);
        }

        return framework == "securityhub"
            ? new FrameworkRequirement(SecurityHub, number, true)
            : new FrameworkRequirement(framework, number, false);
    }
}
