# The programs the interoperability tests drive besides the .NET SDK; sourced by test.sh and .ci/run.
# postgres_bin_dir (where PostgreSQL's server programs are) is in .ci/postgres.sh.
# missing_tools prints one line per missing tool: its Debian package (- when Debian has none), what it is for,
# and how to get it.
# The first aws on PATH whose version is 2.x, printed; fails when there is none.
aws_cli_v2() {
  local dir
  local IFS=:
  for dir in $PATH; do
    if [ -x "$dir/aws" ] && "$dir/aws" --version 2>&1 | grep -q '^aws-cli/2\.'; then
      echo "$dir/aws"
      return 0
    fi
  done
  return 1
}

# shellcheck source=.ci/postgres.sh
. "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

missing_tools() {
  python3 -c 'import boto3' >/dev/null 2>&1 ||
    echo "python3-boto3|python3 with boto3, for the emulator's boto3 tests|apt-get install python3-boto3"
  python3 -c 'import moto' >/dev/null 2>&1 ||
    echo "-|python3 with moto, for the scans of a moto server|pip install 'moto[server]' (not in Debian 12's packages)"
  python3 -c 'import jsonschema' >/dev/null 2>&1 ||
    echo "python3-jsonschema|python3 with jsonschema, for the check of SARIF reports against the OASIS schema|apt-get install python3-jsonschema"
  command -v aws >/dev/null 2>&1 ||
    echo "awscli|the AWS CLI, for the emulator's AWS CLI tests|apt-get install awscli"
  aws_cli_v2 >/dev/null ||
    echo "awscli|the AWS CLI v2, for the remediation script's run with both major versions|apt-get install awscli (Debian's is v2)"
  command -v terraform >/dev/null 2>&1 ||
    echo "-|terraform, for the emulator's Terraform test|HashiCorp's terraform release on PATH (not in Debian's packages)"
  [ -d /opt/tf-plugins ] ||
    echo "-|the Terraform AWS provider mirror /opt/tf-plugins, for the same test|terraform providers mirror /opt/tf-plugins"
  command -v cfn-lint >/dev/null 2>&1 ||
    echo "-|cfn-lint, for the tests of the CloudFormation, StackSet and conformance-pack plans|pip install cfn-lint (not in Debian 12's packages)"
  command -v chromium >/dev/null 2>&1 ||
    echo "chromium|Chromium, for the browser tests of the HTML report and the dashboard|apt-get install chromium"
  [ -n "${TOCSIN_TEST_POSTGRES:-}" ] || postgres_bin_dir >/dev/null ||
    echo "postgresql|PostgreSQL's server (initdb, pg_ctl), for the tests that need a PostgreSQL database|apt-get install postgresql, or set TOCSIN_TEST_POSTGRES=postgresql://USER@HOST:PORT/DB to a server whose user may create databases"
  command -v clang >/dev/null 2>&1 ||
    echo "clang|clang, to link the native (NativeAOT) build of the tool that its tests run|apt-get install clang"
  command -v script >/dev/null 2>&1 ||
    echo "bsdutils|script, for the test of the demo in an 80-column terminal|apt-get install bsdutils"
}
