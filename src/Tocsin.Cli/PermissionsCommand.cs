using System.CommandLine;
using Tocsin.Aws.Clients;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin permissions [--org]</c>: the least-privilege IAM policy a scan needs, derived from the actions each
/// client operation declares (every control needs the same read-only calls).
/// </summary>
internal static class PermissionsCommand
{
    public static Command Create(CliConsole console)
    {
        var organization = new Option<bool>("--org") { Description = "Also print the policy of the identity that lists the organization and assumes the roles." };
        var command = new Command("permissions", "Print the least-privilege IAM policy for scanning.") { organization };
        command.SetAction(parse =>
        {
            console.Out.WriteLine("// The role Tocsin reads each account with (or the identity of a single-account scan):");
            console.Out.WriteLine(Permissions.PolicyDocument(Permissions.ForAccounts));
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
