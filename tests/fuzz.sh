#!/usr/bin/env bash
# The long fuzzing campaign: every target of tests/Tocsin.Fuzz.Tests for SECONDS_PER_TARGET seconds (default 1200),
# one after another, printing how many inputs each ran. A second argument keeps only targets whose test class
# name contains it (e.g. "Pattern"). TOCSIN_FUZZ_SEED picks another seed (the default is fixed); a failure prints
# the seed and input number to replay with TOCSIN_FUZZ_SEED=... TOCSIN_FUZZ_INPUT=...; TOCSIN_FUZZ_INPUTS=N stops
# each target after N inputs, and TOCSIN_FUZZ_FIRST=K starts at input K (two processes, K=0 and K=N, run 2N inputs).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-1200}"
only="${2:-}"
export TOCSIN_FUZZ_SECONDS="$seconds"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

filter=()
if [ -n "$only" ]; then
  filter=(--filter "FullyQualifiedName~$only")
fi

dotnet build tests/Tocsin.Fuzz.Tests -c Release -nologo -v quiet
dotnet test tests/Tocsin.Fuzz.Tests -c Release --no-build -nologo "${filter[@]}" \
  --logger "console;verbosity=detailed" -- RunConfiguration.TestSessionTimeout=0 2>&1 |
  grep -E '^\s*(Passed|Failed|Skipped) |inputs in|agreed on|failed on input|input: |Total tests|Passed:|Failed:' || true
