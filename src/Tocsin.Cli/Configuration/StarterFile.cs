namespace Tocsin.Cli.Configuration;

/// <summary>The commented tocsin.yaml that `tocsin init` writes.</summary>
internal static class StarterFile
{
    public const string Text = """
        # tocsin.yaml: what `tocsin scan` checks when run with no flags. Review it like code; flags override it.

        # What to scan. A target is one account (the identity of its profile) or a whole organization.
        targets:
          - name: my-organization
            profile: management          # a profile from ~/.aws/config (SSO and assume-role profiles work)
            organization: true           # list the organization's accounts and assume roleName in each
            roleName: TocsinAudit        # the role to assume in each member account (tocsin permissions prints its policy)
            # externalId: your-external-id
            # sessionName: tocsin
            # accounts: ["111111111111"] # only these accounts
            # regions: [us-east-1]       # default: every region enabled in the account

        # Which controls (ids or aliases such as cis-aws-3.0:4.2, securityhub:CloudWatch.3); default: all of them.
        # controls: [console-signin-without-mfa, root-account-usage]

        # Accepted exceptions (control, accounts, optional region/resource, owner, reason, expires).
        # exceptions: exceptions.yaml

        # concurrency: 8                 # accounts and regions read at once
        # endpointUrl: http://127.0.0.1:4566   # send every call to one endpoint (the Tocsin emulator, moto)
        # evidence: minimal              # minimal: stop once every outcome is decided; full: read every candidate

        report:
          format: text                   # text or json
          # output: tocsin-report.json
          failOn: fail                   # exit 1 on: fail (fail or error), error, never
          mode: semantic                 # semantic (pattern verdicts) or literal (the common checkers' regex)
          strict: false                  # true: only equivalent patterns or accepted variants pass

        """;
}
