#!/usr/bin/env bash
# Times `tocsin backtest` as a user runs it (the whole process, from the file on disk to the report) beside its peers
# on the same generated CloudTrail history, in one run: jq and DuckDB's read_ndjson evaluating the same condition on
# one core, `gzip -dc` alone on the compressed history, and tocsin with the whole catalog. Every figure is the best of
# three runs; peak memory is the largest resident set. The match counts of tocsin, jq and DuckDB must agree.
# Usage: bench/backtest.sh [MEGABYTES]      (default 1024: a 1 GB JSON Lines history)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-1024}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# tocsin as a user has it: the tool package, installed (on Linux x64 its native build)
dotnet pack src/Tocsin.Cli -c Release -o "$work/packages" -nologo -v quiet >/dev/null
dotnet pack src/Tocsin.Cli -c Release -r any -o "$work/packages" -nologo -v quiet >/dev/null
dotnet pack src/Tocsin.Cli -c Release -r linux-x64 -o "$work/packages" -nologo -v quiet >/dev/null
dotnet tool install Tocsin --tool-path "$work/tool" --add-source "$work/packages" >/dev/null
dotnet build bench/Tocsin.Bench -c Release -nologo -v quiet >/dev/null
dotnet build bench/Tocsin.DuckDbPeer -c Release -nologo -v quiet >/dev/null
tocsin=("$work/tool/tocsin")
duckdb=(dotnet bench/Tocsin.DuckDbPeer/bin/Release/net10.0/Tocsin.DuckDbPeer.dll)
one_core=(taskset -c 0)

history="$work/history.jsonl"
dotnet bench/Tocsin.Bench/bin/Release/net10.0/Tocsin.Bench.dll write-history "$history" "$megabytes" >/dev/null
gzip -c "$history" >"$work/history.jsonl.gz"
mkdir "$work/parts"
split -n l/8 -d --additional-suffix=.jsonl "$history" "$work/parts/part-"
gzip "$work/parts"/*.jsonl
bytes=$(stat -c %s "$history")
gz_bytes=$(stat -c %s "$work/history.jsonl.gz")

# The seed condition, { ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }, for jq:
# CloudWatch's != is false when MFAUsed is missing, null, a boolean, an array or an object.
filter='select(.eventName == "ConsoleLogin"
  and (.additionalEventData | type == "object")
  and (.additionalEventData.MFAUsed | (type == "string" or type == "number"))
  and .additionalEventData.MFAUsed != "Yes")'

# best NAME COMMAND...: runs the command three times, keeps the fastest wall time and the largest peak memory.
best() {
  local name=$1 best_s="" peak=0 line s kb
  shift
  for _ in 1 2 3; do
    /usr/bin/time -o "$work/time" -f '%e %M' "$@" >"$work/$name.out" 2>/dev/null
    line=$(tail -n 1 "$work/time")
    s=${line% *}; kb=${line#* }
    if [ -z "$best_s" ] || [ "$(echo "$s < $best_s" | bc)" = 1 ]; then best_s=$s; fi
    if [ "$kb" -gt "$peak" ]; then peak=$kb; fi
  done
  echo "$name $best_s $peak"
}

seed_json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['controls'][0]['matchingEvents'])" "$1"; }

results="$work/results"
{
  best tocsin_seed "${one_core[@]}" "${tocsin[@]}" backtest "$history" --controls console-signin-without-mfa --threads 1 --format json
  best jq_seed "${one_core[@]}" jq -c "$filter" "$history"
  best duckdb_seed "${one_core[@]}" "${duckdb[@]}" "$history" 1
  best tocsin_catalog "${one_core[@]}" "${tocsin[@]}" backtest "$history" --threads 1 --format json
  best tocsin_gz "${one_core[@]}" "${tocsin[@]}" backtest "$work/history.jsonl.gz" --controls console-signin-without-mfa --threads 1 --format json
  best gzip_dc "${one_core[@]}" gzip -dc "$work/history.jsonl.gz"
  best tocsin_gz_both_cores "${tocsin[@]}" backtest "$work/parts" --controls console-signin-without-mfa --threads 2 --format json
} >"$results"

tocsin_count=$(seed_json "$work/tocsin_seed.out")
gz_count=$(seed_json "$work/tocsin_gz.out")
parts_count=$(seed_json "$work/tocsin_gz_both_cores.out")
jq_count=$(wc -l <"$work/jq_seed.out")
duckdb_count=$(tr -d '[:space:]' <"$work/duckdb_seed.out")

seconds() { awk -v n="$1" '$1 == n { print $2 }' "$results"; }
peak_mb() { awk -v n="$1" '$1 == n { printf "%.0f", $3 / 1024 }' "$results"; }
rate() { awk -v b="$bytes" -v s="$(seconds "$1")" 'BEGIN { printf "%.0f", b / 1048576 / s }'; }
ratio() { awk -v a="$(seconds "$1")" -v b="$(seconds "$2")" 'BEGIN { printf "%.2f", a / b }'; }

echo "history: $((bytes / 1048576)) MB of JSON Lines ($((gz_bytes / 1048576)) MB gzip), $(wc -l <"$history") records"
printf '%-58s %8s %8s %8s %8s\n' "whole process" "seconds" "MB/s" "peak MB" "matches"
row() { printf '%-58s %8s %8s %8s %8s\n' "$1" "$(seconds "$2")" "$(rate "$2")" "$(peak_mb "$2")" "$3"; }
row "tocsin backtest, seed control, one core" tocsin_seed "$tocsin_count"
row "jq, the same condition, one core" jq_seed "$jq_count"
row "DuckDB read_ndjson, the same condition, one core" duckdb_seed "$duckdb_count"
row "tocsin backtest, all 15 controls (31 patterns), one core" tocsin_catalog "-"
row "tocsin backtest, seed control, .json.gz, one core" tocsin_gz "$gz_count"
row "gzip -dc alone, one core" gzip_dc "-"
row "tocsin backtest, seed control, 8 .json.gz files, both cores" tocsin_gz_both_cores "$parts_count"
echo "jq / tocsin (seed): $(ratio jq_seed tocsin_seed)x; DuckDB / tocsin (seed): $(ratio duckdb_seed tocsin_seed)x;" \
  "jq / tocsin (whole catalog): $(ratio jq_seed tocsin_catalog)x"
echo "tocsin on .json.gz / gzip -dc: $(ratio tocsin_gz gzip_dc)x; on both cores: $(ratio tocsin_gz_both_cores gzip_dc)x"

if [ "$tocsin_count" != "$jq_count" ] || [ "$tocsin_count" != "$duckdb_count" ] || [ "$tocsin_count" != "$gz_count" ] || [ "$tocsin_count" != "$parts_count" ]; then
  echo "match counts differ: tocsin $tocsin_count, jq $jq_count, DuckDB $duckdb_count, gz $gz_count, parts $parts_count" >&2
  exit 1
fi
