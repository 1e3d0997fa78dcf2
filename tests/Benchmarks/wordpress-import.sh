#!/usr/bin/env bash
# WordPress import benchmark: generates a WXR export of COUNT posts (wxr-generate.py), then times
# `import wordpress` of it into a fresh database (seconds, posts/s, peak RSS from /usr/bin/time -v), and a second
# import of the same file into that database, which must report every post unchanged. Target: 100,000 posts < 60 s.
#
#   tests/Benchmarks/wordpress-import.sh [COUNT]     COUNT posts (default 100000; e.g. 20000 on a busy machine)
#
# Environment: BENCH_DIR (work folder, default /tmp/editorial-archive-bench), KEEP=1 keeps the export and the database.
set -euo pipefail

COUNT=${1:-100000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-/tmp/editorial-archive-bench}
WXR="$WORK/wordpress-$COUNT.xml"
DB="$WORK/wordpress-$COUNT.db"
APP_DIR="$WORK/wordpress-app"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production

mkdir -p "$WORK"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

echo "== publishing the app (Release, ReadyToRun for linux-x64) to $APP_DIR"
dotnet publish "$ROOT/src/EditorialArchive.Web" -c Release -r linux-x64 --self-contained false -o "$APP_DIR" --nologo -v quiet >/dev/null
APP_DLL="$APP_DIR/EditorialArchive.Web.dll"

if [ ! -f "$WXR" ]; then
  echo "== generating a WordPress export of $COUNT posts into $WXR"
  python3 "$ROOT/tests/Benchmarks/wxr-generate.py" "$COUNT" "$WXR"
fi

cleanup() {
  if [ "${KEEP:-0}" != "1" ]; then rm -f "$WXR" "$DB" "$DB-wal" "$DB-shm"; fi
}
trap cleanup EXIT

# Runs a command under /usr/bin/time -v; sets SECONDS_TAKEN (wall clock) and PEAK_MB (maximum resident set).
timed() {
  local log="$WORK/time.log"
  /usr/bin/time -v "$@" 2>"$log" >"$WORK/out.log" || { cat "$WORK/out.log" "$log"; exit 1; }
  SECONDS_TAKEN=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
  PEAK_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  # CPU seconds (user + system): on a machine other work keeps busy, the fairer figure of the two.
  CPU_SECONDS=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$log")
  grep -v '^{' "$WORK/out.log" | head -12
}

wxr_mb=$(( $(stat -c %s "$WXR") / 1048576 ))
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "== import into a new database"
timed dotnet "$APP_DLL" import wordpress "$WXR" --db "$DB" --section-map "사설=editorial,칼럼=column" --permalinks "/%year%/%monthnum%/%postname%/"
first_seconds=$SECONDS_TAKEN
first_peak=$PEAK_MB
first_cpu=$CPU_SECONDS
echo "== the same file again (every post unchanged)"
timed dotnet "$APP_DLL" import wordpress "$WXR" --db "$DB" --section-map "사설=editorial,칼럼=column" --permalinks "/%year%/%monthnum%/%postname%/"
{ grep -q "^  imported   0$" "$WORK/out.log" && grep -q "^  updated    0 " "$WORK/out.log"; } || { echo "the second import changed something"; exit 1; }
again_seconds=$SECONDS_TAKEN
again_peak=$PEAK_MB
again_cpu=$CPU_SECONDS

rate() { awk -v n="$COUNT" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
echo
echo "WordPress import of $COUNT posts ($wxr_mb MB WXR), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-22s | %-8s | %-7s | %-11s | %-13s |\n' step seconds posts/s "CPU seconds" "peak RSS (MB)"
printf '| %-22s | %-8s | %-7s | %-11s | %-13s |\n' "import (fresh file)" "$first_seconds" "$(rate "$first_seconds")" "$first_cpu" "$first_peak"
printf '| %-22s | %-8s | %-7s | %-11s | %-13s |\n' "re-import (unchanged)" "$again_seconds" "$(rate "$again_seconds")" "$again_cpu" "$again_peak"
