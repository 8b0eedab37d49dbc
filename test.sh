#!/usr/bin/env bash
# Runs every test of the solution and closes with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

export AWS_EC2_METADATA_DISABLED=true
export AWS_REGION="${AWS_REGION:-us-east-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if ! dotnet build Tocsin.sln -c Release -nologo -v quiet >"$results/build.log" 2>&1; then
  tail -n 60 "$results/build.log"
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Tocsin.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" "$@" 2>&1 | grep -v '^\s*$' | tail -n 200
status=${PIPESTATUS[0]}

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  p=$(grep -o 'passed="[0-9]*"' "$trx" | head -n1 | tr -dc 0-9)
  f=$(grep -o 'failed="[0-9]*"' "$trx" | head -n1 | tr -dc 0-9)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
