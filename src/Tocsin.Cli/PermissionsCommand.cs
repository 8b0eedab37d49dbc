using System.CommandLine;
using Tocsin.Aws.Clients;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin permissions [--org] [--remediate] [--accept eventbridge]</c>: the least-privilege IAM policy a scan (or an apply) needs, derived from the actions each
/// client operation declares (every control needs the same read-only calls).
/// </summary>
internal static class PermissionsCommand
{
    public static Command Create(CliConsole console)
    {
        var organization = new Option<bool>("--org") { Description = "Also print the policy of the identity that lists the organization and assumes the roles." };
        var remediate = new Option<bool>("--remediate") { Description = "Print the policy of the identity that applies plans (tocsin remediate --apply --yes) instead." };
        var accept = AcceptFlag.Create();
        var command = new Command("permissions", "Print the least-privilege IAM policy for scanning.") { organization, remediate, accept };
        command.SetAction(parse =>
        {
            if (parse.GetValue(remediate))
            {
                console.Out.WriteLine("// The role Tocsin applies a plan with in each account it changes: the scan's reads, the reads before each write, and the writes;");
                console.Out.WriteLine($"// iam:PassRole only for the CloudTrail delivery role {Remediation.Planning.DefaultNames.DeliveryRole}, only to CloudTrail.");
                console.Out.WriteLine(Permissions.ApplyPolicyDocument(Remediation.Planning.DefaultNames.DeliveryRole));
                if (parse.GetValue(organization))
                {
                    console.Out.WriteLine("// The identity that assumes the role in each account; organizations:ListTagsForResource is for tocsin rollout --priority-tag:");
                    console.Out.WriteLine(Permissions.PolicyDocument(["sts:AssumeRole", .. Permissions.ApplyOnly.Where(action => action.StartsWith("organizations:", StringComparison.Ordinal))], "TocsinAssumeApplyRole"));
                }

                return ExitCodes.Ok;
            }

            if (AcceptFlag.EventBridge(parse.GetValue(accept)))
            {
                console.Out.WriteLine("// The role Tocsin reads each account with (or the identity of a single-account scan), with --accept eventbridge:");
                console.Out.WriteLine("// also the EventBridge rules and targets of each region, and the IAM roles those targets deliver with:");
                console.Out.WriteLine(Permissions.PolicyDocument([.. Permissions.ForAccounts, .. Permissions.ForEventBridge]));
            }
            else
            {
                console.Out.WriteLine("// The role Tocsin reads each account with (or the identity of a single-account scan):");
                console.Out.WriteLine(Permissions.PolicyDocument(Permissions.ForAccounts));
            }

            if (parse.GetValue(organization))
            {
                console.Out.WriteLine("// The identity that lists the organization and assumes the role in each account (management or delegated administrator account):");
                console.Out.WriteLine(Permissions.PolicyDocument(Permissions.ForOrganizationScanner));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
