using System.CommandLine;

namespace Tocsin.Cli.Applying;

/// <summary><c>remediate --apply [--yes] [--force]</c>: show the changes, then make them.</summary>
internal sealed class ApplyFlags
{
    private readonly Option<bool> _apply = new("--apply") { Description = "Apply the plan to live AWS. Alone, a dry run: lists every change and calls no write API." };
    private readonly Option<bool> _yes = new("--yes") { Description = "With --apply: make the changes, then scan again and show each finding's outcome." };
    private readonly Option<bool> _force = new("--force") { Description = "With --apply --yes: overwrite a same-named metric filter, alarm, role policy or trail the plan did not see." };
    private readonly Option<string?> _reportFormat = new("--report-format") { Description = "With --apply --yes: write the findings of the scan after the changes in these report formats (comma-separated) to --report-dir." };
    private readonly Option<string?> _reportDir = new("--report-dir") { Description = "The folder for --report-format, as tocsin.EXT (tocsin.sarif, tocsin.html, ...)." };

    public void AddTo(Command command)
    {
        command.Options.Add(_apply);
        command.Options.Add(_yes);
        command.Options.Add(_force);
        command.Options.Add(_reportFormat);
        command.Options.Add(_reportDir);
    }

    /// <summary>Where the findings of the scan after the changes go, or null when no report was asked for.</summary>
    public ReportOutput? AfterReport(ParseResult parse)
    {
        var formats = parse.GetValue(_reportFormat);
        var folder = parse.GetValue(_reportDir);
        if (formats is null && folder is null)
        {
            return null;
        }

        if (formats is null || folder is null)
        {
            throw new UsageException("--report-format and --report-dir go together: the formats, and the folder to write them to");
        }

        if (!parse.GetValue(_apply) || !parse.GetValue(_yes))
        {
            throw new UsageException("--report-format reports the scan after the changes, so it goes with --apply --yes");
        }

        return ReportOutput.Parse(formats, null, folder);
    }

    /// <summary>True when --apply is given; --yes and --force without it, or --apply with --snapshot, are usage errors.</summary>
    public bool Applying(ParseResult parse, bool fromSnapshot)
    {
        var apply = parse.GetValue(_apply);
        if (!apply && (parse.GetValue(_yes) || parse.GetValue(_force)))
        {
            throw new UsageException("--yes and --force go with --apply");
        }

        if (apply && fromSnapshot)
        {
            throw new UsageException("--apply changes live AWS: it scans first, so give it without --snapshot");
        }

        return apply;
    }

    public bool Yes(ParseResult parse) => parse.GetValue(_yes);

    public bool Force(ParseResult parse) => parse.GetValue(_force);
}
