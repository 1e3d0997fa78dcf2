#!/usr/bin/env bash
# Export/import benchmark: `export ndjson` of a generated archive (RUNS times; median, each run, peak RSS), then
# `import ndjson` of that file into a new database (once) and a second export of the imported archive, which must be
# byte-identical to the first. Prints one table.
#
#   tests/Benchmarks/export.sh [COUNT]     COUNT pieces (default 1000000; e.g. 100000 on a busy machine)
#
# Environment: BENCH_DIR (work folder, default /tmp/editorial-archive-bench; the archive-COUNT.db the load benchmark
# generates there is reused), RUNS (exports to time, default 3), KEEP=1 keeps the export and the imported database,
# EXPORT_ONLY=1 times the exports and stops (the import of a million pieces takes most of an hour on one core).
set -euo pipefail

COUNT=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-/tmp/editorial-archive-bench}
RUNS=${RUNS:-3}
DB="$WORK/archive-$COUNT.db"
EXPORT="$WORK/export-$COUNT.ndjson"
IMPORTED="$WORK/imported-$COUNT.db"
REEXPORT="$WORK/reexport-$COUNT.ndjson"
APP_DIR="$WORK/export-app"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production

mkdir -p "$WORK"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

echo "== publishing the app (Release, ReadyToRun for linux-x64) to $APP_DIR"
dotnet publish "$ROOT/src/EditorialArchive.Web" -c Release -r linux-x64 --self-contained false -o "$APP_DIR" --nologo -v quiet >/dev/null
APP_DLL="$APP_DIR/EditorialArchive.Web.dll"

if [ ! -f "$DB" ]; then
  echo "== generating $COUNT pieces into $DB"
  dotnet "$APP_DLL" generate --count "$COUNT" --db "$DB"
fi

cleanup() {
  rm -f "$EXPORT.partial" "$REEXPORT" "$REEXPORT.partial"
  if [ "${KEEP:-0}" != "1" ]; then rm -f "$EXPORT" "$IMPORTED" "$IMPORTED-wal" "$IMPORTED-shm"; fi
}
trap cleanup EXIT

# Runs a command under /usr/bin/time -v; sets SECONDS_TAKEN (wall clock) and PEAK_MB (maximum resident set).
timed() {
  local log="$WORK/time.log"
  /usr/bin/time -v "$@" 2>"$log" >"$WORK/out.log" || { cat "$WORK/out.log" "$log"; exit 1; }
  SECONDS_TAKEN=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
  PEAK_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  grep -hE '^(Exported|Imported)' "$WORK/out.log" "$log" || true
}

pieces=$(sqlite3 -readonly "$DB" "SELECT count(*) FROM articles" 2>/dev/null || echo "$COUNT")
db_mb=$(( $(stat -c %s "$DB") / 1048576 ))
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

export_seconds=()
export_peaks=()
for run in $(seq 1 "$RUNS"); do
  rm -f "$EXPORT"
  echo "== export $run of $RUNS"
  timed dotnet "$APP_DLL" export ndjson --db "$DB" --to "$EXPORT"
  export_seconds+=("$SECONDS_TAKEN")
  export_peaks+=("$PEAK_MB")
done
export_mb=$(( $(stat -c %s "$EXPORT") / 1048576 ))
median=$(printf '%s\n' "${export_seconds[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
peak=$(printf '%s\n' "${export_peaks[@]}" | sort -n | tail -1)
rate() { awk -v n="$pieces" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
mbps() { awk -v m="$export_mb" -v s="$1" 'BEGIN { printf "%.0f", m / s }'; }
print_header() {
  echo
  echo "Export/import of $pieces pieces ($db_mb MB database, $export_mb MB export), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '| %-22s | %-28s | %-14s | %-8s | %-13s |\n' step seconds pieces/s MB/s "peak RSS (MB)"
  printf '| %-22s | %-28s | %-14s | %-8s | %-13s |\n' "export (median of $RUNS)" "$median (each: ${export_seconds[*]})" "$(rate "$median")" "$(mbps "$median")" "$peak (each: ${export_peaks[*]})"
}
if [ "${EXPORT_ONLY:-0}" = "1" ]; then
  print_header
  exit 0
fi

echo "== import into a new database"
rm -f "$IMPORTED" "$IMPORTED-wal" "$IMPORTED-shm"
timed dotnet "$APP_DLL" import ndjson "$EXPORT" --db "$IMPORTED"
import_seconds=$SECONDS_TAKEN
import_peak=$PEAK_MB

echo "== export of the imported archive, compared byte for byte"
timed dotnet "$APP_DLL" export ndjson --db "$IMPORTED" --to "$REEXPORT"
if cmp -s "$EXPORT" "$REEXPORT"; then identical=yes; else identical=NO; fi

print_header
printf '| %-22s | %-28s | %-14s | %-8s | %-13s |\n' "import (once)" "$import_seconds" "$(rate "$import_seconds")" "$(mbps "$import_seconds")" "$import_peak"
echo "export of the imported archive byte-identical to the first: $identical"
awk -v n="$pieces" -v s="$median" 'BEGIN { printf "linear extrapolation of the export to 1,000,000 pieces: %.0f s\n", s * 1000000 / n }'
awk -v n="$pieces" -v s="$import_seconds" 'BEGIN { printf "linear extrapolation of the import to 1,000,000 pieces: %.0f s\n", s * 1000000 / n }'
[ "$identical" = yes ]
