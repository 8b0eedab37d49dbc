using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// The plan as a bash script of AWS CLI calls (v1 or v2), one section per account. Each section first asks STS whose
/// credentials run it and skips itself for any other account, so one script serves a plan over many accounts: run it
/// once with each account's credentials. Re-running changes nothing: creates look first, puts write the same value.
/// </summary>
public sealed class CliScriptRenderer : IPlanRenderer
{
    private const string Indent = "  ";

    public string Format => "cli";

    public void Write(RemediationPlan plan, RenderOptions options, TextWriter output)
    {
        output.Write(CliScriptPreamble.Text);
        if (plan.IsEmpty)
        {
            output.WriteLine("note 'Nothing to fix: the plan has no steps.'");
            return;
        }

        var commands = new CliStepCommands(CliStepCommands.ScriptCommand);
        output.WriteLine($"caller_account=\"$(aws_cli sts get-caller-identity --region {ShellWords.Quote(plan.Steps[0].Region)} --query Account --output text)\"");
        var number = 0;
        foreach (var account in plan.Steps.GroupBy(s => s.AccountId, StringComparer.Ordinal))
        {
            var quoted = ShellWords.Quote(account.Key);
            output.WriteLine();
            output.WriteLine($"# Account {ShellWords.Comment(account.Key)}");
            output.WriteLine($"if [ \"$caller_account\" = {quoted} ]; then");
            output.WriteLine($"{Indent}note {ShellWords.Quote($"Account {account.Key}:")}");
            foreach (var step in account)
            {
                output.WriteLine();
                output.WriteLine($"{Indent}# {++number}. {ShellWords.Comment(step.Describe())} [{step.ReasonCodeText}]");
                foreach (var line in commands.Lines(step))
                {
                    output.WriteLine(line.Length == 0 ? line : Indent + line);
                }
            }

            output.WriteLine("else");
            output.WriteLine($"{Indent}note \"Skipping account \"{quoted}\": these credentials are for account $caller_account; run this script again with that account's credentials.\"");
            output.WriteLine("fi");
        }

        var notes = plan.Fixes.Where(f => f.After == "awaits-confirmation").Select(f => $"{f.AccountId} {f.ControlId} passes once a subscription is confirmed.")
            .Concat(plan.Warnings.Select(w => $"Warning: {w}"));
        foreach (var note in notes)
        {
            output.WriteLine($"note {ShellWords.Quote(note)}");
        }
    }
}
