#!/usr/bin/env bash
# One cached article page served from the in-memory page store and from Redis (Archive:Redis), side by side in one
# run: two app instances over one generated archive, wrk against the same page on each, alternately. Prints medians.
#
#   tests/Benchmarks/nodes.sh [COUNT]      COUNT pieces in the archive (default 20000)
#
# Rows: `page` is one page asked by every connection (the output cache coalesces concurrent lookups of one key, so
# most of these requests share a store read); `pages` cycles through 500 cached pieces, one store read per request.
#
# Environment: BENCH_DIR (default /tmp/nodes-bench), DURATION (wrk -d, 5s), RUNS (3), CONNECTIONS (16), THREADS (2),
# REDIS_PORT (6392; a redis-server is started there unless one answers).
set -euo pipefail

COUNT=${1:-20000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-/tmp/nodes-bench}
DURATION=${DURATION:-5s}
RUNS=${RUNS:-3}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
REDIS_PORT=${REDIS_PORT:-6392}
DB="$WORK/archive-$COUNT.db"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$WORK"

for tool in wrk redis-server sqlite3; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk redis-server sqlite3 >/dev/null; break; }
done

echo "== publishing the app (Release)"
dotnet publish "$ROOT/src/EditorialArchive.Web" -c Release -o "$WORK/app" --nologo -v quiet >/dev/null
APP_DLL="$WORK/app/EditorialArchive.Web.dll"
if [ ! -f "$DB" ]; then
  echo "== generating $COUNT pieces into $DB"
  dotnet "$APP_DLL" generate --count "$COUNT" --db "$DB"
fi

REDIS_PID=""
if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.05; done
fi

declare -A PORT=([memory]=5121 [redis]=5122) PID=()
cleanup() {
  for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null || true
}
trap cleanup EXIT

start() { # $1 name, more: environment
  local name=$1
  shift
  env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Archive="Data Source=$DB" Archive__ImportSeeds=false \
    RateLimits__RequestsPerMinute=100000000 Serilog__MinimumLevel__Default=Warning "$@" \
    dotnet "$APP_DLL" --urls "http://127.0.0.1:${PORT[$name]}" >"$WORK/$name.log" 2>&1 &
  PID[$name]=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$name]}/en/" || true)" = "200" ]; do
    kill -0 "${PID[$name]}" 2>/dev/null || { echo "$name exited; see $WORK/$name.log"; exit 1; }
    sleep 0.05
  done
}
start memory
start redis Archive__Redis="127.0.0.1:$REDIS_PORT" Archive__RedisKeyPrefix="nodes-bench:$$:"

page=$(sqlite3 -readonly "$DB" "SELECT '/en/articles/' || id || '/' || slug FROM articles WHERE status = 'published' AND language = 'en' ORDER BY posted_at DESC, id DESC LIMIT 1 OFFSET 10")
echo "== page: $page"
for name in memory redis; do
  url="http://127.0.0.1:${PORT[$name]}$page"
  curl -s -o /dev/null "$url"; curl -s -o /dev/null "$url"
  curl -s -D - -o /dev/null "$url" | grep -qi '^age:' || { echo "$name did not serve $page from its cache"; exit 1; }
done
sqlite3 -readonly "$DB" "SELECT '/en/articles/' || id || '/' || slug FROM articles WHERE status = 'published' AND language = 'en' ORDER BY id DESC LIMIT 500" >"$WORK/pages.txt"
pages() { # $1 port, $2 duration
  env PATHS_FILE="$WORK/pages.txt" WRK_THREADS="$THREADS" COUNT_HITS=1 \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -s "$ROOT/tests/Benchmarks/distinct-paths.lua" "http://127.0.0.1:$1"
}
for name in memory redis; do pages "${PORT[$name]}" 3s >/dev/null; done
echo "   redis keys: $(redis-cli -p "$REDIS_PORT" --scan --pattern "nodes-bench:$$:*" | wc -l)"
redis_gets() { redis-cli -p "$REDIS_PORT" info commandstats | sed -n 's/^cmdstat_get:calls=\([0-9]*\).*/\1/p'; }
gets_before=$(redis_gets)

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); if (u == "us") n /= 1000; else if (u == "s") n *= 1000; printf "%.2f", n }'; }
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A RPS P50 P99
ROWS=(memory-page redis-page memory-pages redis-pages)
for run in $(seq 1 "$RUNS"); do
  for name in "${ROWS[@]}"; do
    port=${PORT[${name%%-*}]}
    if [ "${name#*-}" = page ]; then
      out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$port$page")
    else
      out=$(pages "$port" "$DURATION")
      grep -iE 'hit|5xx' <<<"$out" | sed "s/^/   $name: /" || true
    fi
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "$name: $(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ')"; fi
    RPS[$name]+="$(awk '/^Requests\/sec/ { print $2 }' <<<"$out") "
    P50[$name]+="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")") "
    P99[$name]+="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")") "
    echo "run $run/$RUNS $name: $(awk '/^Requests\/sec/ { print $2 }' <<<"$out") req/s"
  done
done

echo
echo "Redis GETs during the runs: $(( $(redis_gets) - ${gets_before:-0} )) (the redis rows' requests reach Redis)"
echo "Cached article page, $COUNT pieces, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, median of $RUNS runs"
printf '%-13s %12s %10s %10s\n' row req/s p50_ms p99_ms
for name in "${ROWS[@]}"; do
  printf '%-13s %12s %10s %10s\n' "$name" "$(median "${RPS[$name]}")" "$(median "${P50[$name]}")" "$(median "${P99[$name]}")"
done
