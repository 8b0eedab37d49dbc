using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Tocsin.Backtest.Input;
using Tocsin.Backtest.Judging;
using Tocsin.Backtest.Results;
using Tocsin.Backtest.Subjects;
using Tocsin.Backtest.Tests.Judging;
using Tocsin.Core.Controls;

namespace Tocsin.Backtest.Tests.Html;

/// <summary>
/// Backtest results made the way the command makes them, by replaying generated CloudTrail records through the
/// catalog's patterns, and the pages they render as. Paths are cut to file names and the duration to zero, so a page
/// is the same on every machine.
/// </summary>
internal static class BacktestSamples
{
    public const string HostileMarkup = "<img src=x onerror=alert(1)>";

    public static readonly Control SignInWithoutMfa = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    public static readonly Control KeyDeletion = ControlCatalog.Default.Find("cmk-disable-or-delete")!;

    /// <summary>The root sign-in whose principal is markup: the last root sign-in, so the strict variant's sentence names it.</summary>
    public static string HostileArn => "arn:aws:iam::111122223333:" + HostileMarkup;

    /// <summary>
    /// Four days of history: on the first, IAM users without MFA every half hour and root twice; on the second, a few
    /// more and a root sign-in whose ARN is markup; on the third only API calls and sign-ins with MFA; on the fourth
    /// one IAM user without MFA. And a sign-in without MFA whose time is missing.
    /// </summary>
    public static List<string> FourDays()
    {
        var records = new List<string>();
        var start = Records.Start;
        for (var i = 0; i < 24; i++)
        {
            var time = start.AddMinutes(30 * i);
            records.Add(Records.ApiCall(time));
            records.Add(Records.SignIn("IAMUser", "No", time.AddSeconds(20), ip: $"198.51.100.{i % 6}", user: $"user{i % 4}"));
        }

        records.Add(Records.SignIn("Root", "No", start.AddHours(2), ip: "203.0.113.1"));
        records.Add(Records.SignIn("Root", "No", start.AddHours(5), ip: "203.0.113.2"));
        for (var i = 0; i < 5; i++)
        {
            records.Add(Records.SignIn("IAMUser", "No", start.AddDays(1).AddHours(i * 3), ip: "198.51.100.9", user: "bob"));
        }

        records.Add(WithArn(Records.SignIn("Root", "No", start.AddDays(1).AddHours(4), ip: "203.0.113.66"), HostileArn));
        records.Add(WithoutTime(Records.SignIn("IAMUser", "No", start.AddDays(1), user: "dave")));
        for (var i = 0; i < 6; i++)
        {
            records.Add(Records.ApiCall(start.AddDays(2).AddHours(i)));
            records.Add(Records.SignIn("IAMUser", "Yes", start.AddDays(2).AddHours(i).AddMinutes(5)));
        }

        records.Add(Records.SignIn("IAMUser", "No", start.AddDays(3).AddHours(1), ip: "192.0.2.44", user: "carol"));
        return records;
    }

    /// <summary>The four days replayed through the sign-in control alone, with a pattern of the user's beside its baseline.</summary>
    public static BacktestResult FourDaysResult() => Run(FourDays(), [SignInWithoutMfa], ["{ $.eventName = \"ConsoleLogin\" }"]);

    /// <summary>
    /// The page kept as a snapshot: the four days replayed through the sign-in control, a control nothing in them
    /// matches, and a pattern of no control.
    /// </summary>
    public static BacktestResult SnapshotResult() => WithBadRecords(Run(FourDays(), [SignInWithoutMfa, KeyDeletion], ["{ $.eventName = \"ConsoleLogin\" }"]));

    /// <summary>The result as if reading had met two records it could not read (the first a line of markup) and a path that is gone.</summary>
    public static BacktestResult WithBadRecords(BacktestResult result) => result with
    {
        Input = result.Input with
        {
            BadRecords = 2,
            BadRecordSamples = [new("events.jsonl", 4711, "not a JSON object: " + HostileMarkup), new("events.jsonl", 9000, "a record longer than 16 MiB")],
            Problems = [new("missing/", "no such file or folder")],
        },
    };

    public static string WithoutTime(string record)
    {
        var node = JsonNode.Parse(record)!.AsObject();
        node.Remove("eventTime");
        return node.ToJsonString();
    }

    public static string WithArn(string record, string arn)
    {
        var node = JsonNode.Parse(record)!;
        node["userIdentity"]!["arn"] = arn;
        return node.ToJsonString();
    }

    public static BacktestResult Run(IEnumerable<string> records, IReadOnlyList<Control> controls, IReadOnlyList<string>? patterns = null)
    {
        var folder = Directory.CreateTempSubdirectory("tocsin-backtest-html-").FullName;
        try
        {
            var path = Records.WriteJsonLines(folder, records);
            var catalog = SubjectCatalog.Build(controls, patterns ?? [], null, 300);
            var result = new BacktestEngine(catalog, new BacktestOptions()).Run(InputDiscovery.Plan([path], 1));
            var input = result.Input with
            {
                Duration = TimeSpan.Zero,
                BadRecordSamples = [.. result.Input.BadRecordSamples.Select(bad => bad with { File = Path.GetFileName(bad.File) })],
            };
            return result with { Input = input };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static string Write(BacktestResult result)
    {
        var output = new StringWriter();
        BacktestHtml.Write(result, output);
        return output.ToString();
    }

    public static IHtmlDocument Page(BacktestResult result) => new HtmlParser().ParseDocument(Write(result));
}
