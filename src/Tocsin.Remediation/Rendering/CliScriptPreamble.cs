namespace Tocsin.Remediation.Rendering;

/// <summary>The start of every CLI script: strict mode, no pager, and the helpers each step uses.</summary>
internal static class CliScriptPreamble
{
    public const string Text = """
        #!/usr/bin/env bash
        # Remediation plan written by Tocsin as AWS CLI calls (AWS CLI v1 or v2).
        # It uses your own profile and environment (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...); no credentials or
        # endpoint are written here. When AWS_ENDPOINT_URL is set it is passed as --endpoint-url, because
        # AWS CLI v1 does not read that variable.
        # Each account's section runs only with that account's credentials and is skipped otherwise:
        # run the script once per account. Running it again changes nothing.
        set -euo pipefail
        export AWS_PAGER=""

        aws_cli() {
          aws ${AWS_ENDPOINT_URL:+--endpoint-url "$AWS_ENDPOINT_URL"} "$@"
        }

        note() {
          printf '%s\n' "$1"
        }

        # A new IAM role takes a few seconds to reach CloudTrail, which meanwhile rejects the log group as invalid.
        retry_while_role_propagates() {
          local attempt
          for attempt in 1 2 3 4 5; do
            if "$@"; then
              return 0
            fi
            if [ "$attempt" = 5 ]; then
              return 1
            fi
            note "retrying in 10 s"
            sleep 10
          done
        }


        """;
}
