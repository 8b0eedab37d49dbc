#!/usr/bin/env bash
# Runs every test of the solution and closes with one line: "N passed, N failed, N skipped".
# A test whose outside tool is missing is skipped, and counted so; under CI=true it fails instead.
set -uo pipefail
cd "$(dirname "$0")"

export AWS_EC2_METADATA_DISABLED=true
export AWS_REGION="${AWS_REGION:-us-east-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

. .ci/tools.sh
while IFS='|' read -r _ what how; do
  [ -n "$what" ] || continue
  if [ "${CI:-}" = true ]; then
    echo "missing: $what; get it with: $how (required under CI: its tests fail)"
  else
    echo "missing: $what; get it with: $how (optional: its tests are skipped)"
  fi
done <<<"$(missing_tools)"

results=$(mktemp -d)
trap 'stop_test_postgres; rm -rf "$results"' EXIT

# A throwaway PostgreSQL for the tests that need one, unless TOCSIN_TEST_POSTGRES names a server already.
if [ -z "${TOCSIN_TEST_POSTGRES:-}" ] && postgres_bin_dir >/dev/null; then
  if start_test_postgres; then
    echo "PostgreSQL for the tests: $TOCSIN_TEST_POSTGRES"
  else
    echo "PostgreSQL did not start: its tests are skipped (fail under CI)"
  fi
  trap 'stop_test_postgres; rm -rf "$results"' EXIT
fi

if ! dotnet build Tocsin.sln -c Release -nologo -v quiet >"$results/build.log" 2>&1; then
  tail -n 60 "$results/build.log"
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# The native (NativeAOT) program of the Linux x64 tool package, which tests/Tocsin.Cli.Tests/NativeBuildTests.cs runs
# beside the managed build. It needs clang to link; without it (or off x64 Linux) those tests are skipped.
if [ "$(uname -sm)" = "Linux x86_64" ] && command -v clang >/dev/null 2>&1; then
  if dotnet publish src/Tocsin.Cli -c Release -r linux-x64 -o "$results/native" -nologo -v quiet >"$results/native.log" 2>&1; then
    export TOCSIN_NATIVE="$results/native/tocsin"
  else
    tail -n 40 "$results/native.log"
    echo "the native build failed: its tests fail"
  fi
fi

dotnet test Tocsin.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" "$@" 2>&1 | grep -v '^\s*$' | tail -n 200
status=${PIPESTATUS[0]}

# Each .trx closes with <Counters ... passed="N" failed="N" ...>; a skipped test is a result whose outcome is
# NotExecuted (the counters leave it out).
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  p=$(grep -o ' passed="[0-9]*"' <<<"$counters" | tr -dc 0-9)
  f=$(grep -o ' failed="[0-9]*"' <<<"$counters" | tr -dc 0-9)
  s=$(grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" | wc -l)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
