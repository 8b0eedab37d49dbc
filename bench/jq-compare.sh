#!/usr/bin/env bash
# Times the CIS seed pattern over the same generated CloudTrail lines with tocsin's matcher and with jq,
# and prints both throughputs and match counts side by side (the goal: at least 20x jq).
# Usage: bench/jq-compare.sh [JQ]      (JQ defaults to /usr/bin/jq)
set -euo pipefail
cd "$(dirname "$0")/.."
jq_bin="${1:-/usr/bin/jq}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
events="$work/cloudtrail.jsonl"

dotnet build bench/Tocsin.Bench -c Release -nologo -v quiet >/dev/null
bench=(dotnet bench/Tocsin.Bench/bin/Release/net10.0/Tocsin.Bench.dll)
"${bench[@]}" write-events "$events"
bytes=$(stat -c %s "$events")

# The same condition as { ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }:
# CloudWatch's != is false when MFAUsed is missing, null, a boolean, an array or an object, and jq's != is
# true for all of those, so jq must first require a string or number value.
filter='select(.eventName == "ConsoleLogin"
  and (.additionalEventData | type == "object")
  and (.additionalEventData.MFAUsed | (type == "string" or type == "number"))
  and .additionalEventData.MFAUsed != "Yes")'

jq_matches=$("$jq_bin" -c "$filter" "$events" | wc -l)
best_ns=""
for _ in 1 2 3; do
  start=$(date +%s%N)
  "$jq_bin" -c "$filter" "$events" >/dev/null
  elapsed=$(( $(date +%s%N) - start ))
  if [ -z "$best_ns" ] || [ "$elapsed" -lt "$best_ns" ]; then best_ns=$elapsed; fi
done
jq_mbps=$(awk -v b="$bytes" -v ns="$best_ns" 'BEGIN { printf "%.0f", b / 1e6 / (ns / 1e9) }')

tocsin_line=$("${bench[@]}" throughput "$events")
tocsin_matches=$(sed -E 's/.*matches=([0-9]+).*/\1/' <<<"$tocsin_line")
tocsin_mbps=$(sed -E 's/.*MBps=([0-9]+).*/\1/' <<<"$tocsin_line")

echo "input: $bytes bytes of CloudTrail JSON lines"
printf '%-8s %10s %10s\n' tool MB/s matches
printf '%-8s %10s %10s\n' jq "$jq_mbps" "$jq_matches"
printf '%-8s %10s %10s\n' tocsin "$tocsin_mbps" "$tocsin_matches"
awk -v t="$tocsin_mbps" -v j="$jq_mbps" 'BEGIN { printf "tocsin / jq = %.1fx (goal: 20x)\n", t / j }'
if [ "$jq_matches" != "$tocsin_matches" ]; then
  echo "MISMATCH: jq and tocsin disagree on the number of matching events" >&2
  exit 1
fi
