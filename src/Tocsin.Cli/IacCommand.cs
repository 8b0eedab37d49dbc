using System.CommandLine;
using Tocsin.Cli.History;
using Tocsin.Iac;
using Tocsin.Reports;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin iac PATH...</c>: the same controls, verdicts and evaluator on CloudFormation templates, Terraform
/// configurations and plans, before anything is deployed. A repository is judged as one account.
/// </summary>
internal static class IacCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders (read recursively; .terraform/, node_modules/ and hidden folders are skipped).", Arity = ArgumentArity.OneOrMore };
        var accountId = new Option<string>("--account-id") { Description = "The account the code is deployed to; it only spells ARNs (default 123456789012).", DefaultValueFactory = _ => IacSettings.PlaceholderAccount };
        var region = new Option<string>("--region") { Description = "The region the code is deployed to (default us-east-1).", DefaultValueFactory = _ => "us-east-1" };
        var assumeTrail = new Option<string?>("--assume-trail-log-group") { Description = "When the code defines no trail: the log group an existing trail delivers to." };
        var flags = new ReportFlags();
        var store = new StoreFlags();
        var command = new Command("iac", "Check CloudFormation templates and Terraform code (or plans) before deployment.") { paths, accountId, region, assumeTrail };
        flags.AddTo(command);
        store.AddTo(command, records: true);
        command.SetAction(parse =>
        {
            var account = parse.GetValue(accountId)!;
            if (account.Length != 12 || !account.All(char.IsAsciiDigit))
            {
                throw new UsageException($"--account-id: `{account}` is not a 12-digit account id");
            }

            var scan = IacRepository.Read(parse.GetValue(paths)!, new IacSettings(account, parse.GetValue(region)!), parse.GetValue(assumeTrail));
            foreach (var problem in scan.Problems)
            {
                console.Error.WriteLine(problem.ToString());
            }

            if (scan.FilesRead == 0 || (scan.ResourcesRead == 0 && scan.Problems.Count > 0))
            {
                console.Error.WriteLine(scan.FilesRead == 0
                    ? "no CloudFormation template or Terraform file was found: nothing to check"
                    : "no file could be read: nothing to check");
                return ExitCodes.UsageError;
            }

            using var runs = store.Open(parse, console);
            var scope = RunScope.Of(
                $"code {string.Join(',', parse.GetValue(paths)!.Select(Path.GetFullPath))}", $"account {account} in {parse.GetValue(region)}", RunScope.Controls(flags.Controls(parse)));
            return flags.Report(parse, scan.Inventory, console, ReportSource.InfrastructureCode, refine: result => IacLocations.Attach(result, scan.Inventory),
                recorder: new RunRecorder(runs, Store.RunKinds.Iac, ReportSource.InfrastructureCode, scope, console));
        });
        return command;
    }
}
