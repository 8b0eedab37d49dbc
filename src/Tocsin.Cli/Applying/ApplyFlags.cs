using System.CommandLine;

namespace Tocsin.Cli.Applying;

/// <summary><c>remediate --apply [--yes] [--force]</c>: show the changes, then make them.</summary>
internal sealed class ApplyFlags
{
    private readonly Option<bool> _apply = new("--apply") { Description = "Apply the plan to live AWS. Alone, a dry run: lists every change and calls no write API." };
    private readonly Option<bool> _yes = new("--yes") { Description = "With --apply: make the changes, then scan again and show each finding's outcome." };
    private readonly Option<bool> _force = new("--force") { Description = "With --apply --yes: overwrite a same-named metric filter, alarm, role policy or trail the plan did not see." };

    public void AddTo(Command command)
    {
        command.Options.Add(_apply);
        command.Options.Add(_yes);
        command.Options.Add(_force);
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
