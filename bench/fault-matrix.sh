#!/usr/bin/env bash
# The fault matrix's long run (docs/reliability.md, "Fault matrix"): RUNS seeded random fault configurations on the
# emulator, each scan compared account x control with the scenario's fault-free truth. Exit code 0 when every run held.
#   bench/fault-matrix.sh [runs, default 200] [first seed, default 1]
set -euo pipefail
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true
export AWS_REGION="${AWS_REGION:-us-east-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Tocsin.FaultMatrix -c Release -nologo -v quiet >/dev/null
exec dotnet bench/Tocsin.FaultMatrix/bin/Release/net10.0/Tocsin.FaultMatrix.dll "${1:-200}" "${2:-1}"
