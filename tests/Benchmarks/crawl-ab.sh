#!/usr/bin/env bash
# The crawl row, two builds of the app side by side in one run on the same archive: each is started on the file,
# warmed with 10 s of crawl on its own slice of addresses, then measured by three 10 s crawls (8 connections) on fresh
# slices; prints req/s, p50, p99, bytes read per request (/proc/PID/io rchar), the app's CPU time per request
# (/proc/PID/stat utime + stime, which wrk's share of the 2 cores does not blur) and peak RSS. Run tests/Benchmarks/run.sh
# first (it makes the archive and crawl.txt). A build with a newer migration must go second (the older one refuses it).
#
#   tests/Benchmarks/crawl-ab.sh BEFORE_APP_DIR AFTER_APP_DIR   (folders of `dotnet publish` output)
#
# Environment: BENCH_DIR (default /tmp/editorial-archive-bench), COUNT (default 1000000), APP_PORT (5107).
set -uo pipefail
BEFORE=$1 AFTER=$2
W=${BENCH_DIR:-/tmp/editorial-archive-bench}
DB="$W/archive-${COUNT:-1000000}.db"
PORT=${APP_PORT:-5107}
LUA="$(cd "$(dirname "$0")" && pwd)/distinct-paths.lua"

crawl() { # offset, extra wrk args
  env PATHS_FILE="$W/crawl.txt" PATHS_OFFSET="$1" WRK_THREADS=2 COUNT_HITS=1 wrk -t2 -c8 -d10s --timeout 30s --latency -s "$LUA" "http://127.0.0.1:$PORT"
}
cpu_ticks() { # utime + stime of a process, in clock ticks (the command name has no spaces here)
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}
measure() { # app dir, warm-up offset, measured offsets...
  local dir=$1 warm=$2; shift 2
  local t0; t0=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Archive="Data Source=$DB" Archive__ImportSeeds=false \
    RateLimits__RequestsPerMinute=100000000 RateLimits__SearchesPerMinute=100000000 \
    dotnet "$dir/EditorialArchive.Web.dll" --urls "http://127.0.0.1:$PORT" >"$W/crawl-ab-app.log" 2>&1 &
  local pid=$!
  until curl -s -o /dev/null -f "http://127.0.0.1:$PORT/healthz"; do
    sleep 0.2; kill -0 "$pid" 2>/dev/null || { tail "$W/crawl-ab-app.log"; return 1; }
  done
  echo "$dir: healthy after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  crawl "$warm" | awk '/Requests\/sec/ { print "  warm-up: " $2 " req/s" }'
  for offset in "$@"; do
    local r0 r1 c0 c1 out n
    r0=$(awk '/^rchar/ { print $2 }' "/proc/$pid/io")
    c0=$(cpu_ticks "$pid")
    out=$(crawl "$offset")
    r1=$(awk '/^rchar/ { print $2 }' "/proc/$pid/io")
    c1=$(cpu_ticks "$pid")
    n=$(awk '/requests in/ { print $1 }' <<<"$out")
    echo "  crawl at $offset: $(awk '/Requests\/sec/ { print $2 }' <<<"$out") req/s, p50 $(awk '$1 == "50%" { print $2 }' <<<"$out"), p99 $(awk '$1 == "99%" { print $2 }' <<<"$out"), read $(( (r1 - r0) / n / 1024 )) KB, CPU $(awk -v t=$((c1 - c0)) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t * 1000 / hz / n }') ms per request; $(awk '/^cache-hits/ { print $2 " of " $4 " from the cache" }' <<<"$out")"
  done
  echo "  VmHWM: $(awk '/VmHWM/ { printf "%d MB", $2 / 1024 }' "/proc/$pid/status")"
  kill "$pid"; wait "$pid" 2>/dev/null
}

# Slices 25,000 lines apart: a 10 s crawl at 2,500 req/s asks 25,000 addresses, so no run repeats an earlier one's
# (a repeat would be a cache hit, or with admission a second request that stores the page).
echo "== before: $BEFORE"; measure "$BEFORE" 0 25000 50000 75000
echo "== after: $AFTER"; measure "$AFTER" 100000 125000 150000 175000
