#!/usr/bin/env bash
# Load benchmark: the published app against a generated archive, side by side with nginx serving the same
# article page's bytes as a static file (the ceiling). Prints one table of medians.
#
#   tests/Benchmarks/run.sh [COUNT]        COUNT pieces in the archive (default 1000000; e.g. 100000 for a quick run)
#
# Environment: BENCH_DIR (work folder, default /tmp/editorial-archive-bench), APP_PORT (5107), NGINX_PORT (5117),
# DURATION (wrk -d, default 10s), RUNS (default 3), CONNECTIONS (default 32), THREADS (default 2),
# CRAWL_CONNECTIONS (default 8), NEWSROOM_SECONDS (default 30), SEARCH_CONCURRENCY (default 2).
#
# Besides the cached rows it measures the cold path: `crawl` (every request a different piece, as a crawler walks
# the sitemaps), `newsroom` (readers on 500 popular pages while the crawl goes on and an editor corrects a piece every
# 2 s through the desk form; prints the readers' cache-hit ratio), `search-first` (the first uncached searches since
# the start, other queries than the sweep's: what a reader meets while the runtime is still optimising the search code)
# and `search-sweep` (200+ distinct searches, each asked once, after those).
set -euo pipefail

COUNT=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-/tmp/editorial-archive-bench}
APP_PORT=${APP_PORT:-5107}
NGINX_PORT=${NGINX_PORT:-5117}
DURATION=${DURATION:-10s}
RUNS=${RUNS:-3}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
CRAWL_CONNECTIONS=${CRAWL_CONNECTIONS:-8}
NEWSROOM_SECONDS=${NEWSROOM_SECONDS:-30}
SEARCH_CONCURRENCY=${SEARCH_CONCURRENCY:-2}
HERE="$ROOT/tests/Benchmarks"
DB="$WORK/archive-$COUNT.db"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mkdir -p "$WORK"
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  echo "== installing wrk and nginx (Debian packages)"
  apt-get update -qq && apt-get install -y -qq wrk nginx >/dev/null
fi
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }

echo "== publishing the app (Release, ReadyToRun for linux-x64)"
dotnet publish "$ROOT/src/EditorialArchive.Web" -c Release -r linux-x64 --self-contained false -o "$WORK/app" --nologo -v quiet >/dev/null
APP_DLL="$WORK/app/EditorialArchive.Web.dll"

if [ ! -f "$DB" ]; then
  echo "== generating $COUNT pieces into $DB"
  dotnet "$APP_DLL" generate --count "$COUNT" --db "$DB"
fi

# The newsroom row's editor: an account made for this run, with a password nobody else knows.
EDITOR_EMAIL=bench-editor@example.com
EDITOR_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$EDITOR_PASSWORD" | ConnectionStrings__Archive="Data Source=$DB" dotnet "$APP_DLL" users add --email "$EDITOR_EMAIL" --role editor --password-stdin >/dev/null 2>&1 \
  || printf '%s\n' "$EDITOR_PASSWORD" | ConnectionStrings__Archive="Data Source=$DB" dotnet "$APP_DLL" users set-password --email "$EDITOR_EMAIL" --password-stdin >/dev/null

APP_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
}
trap cleanup EXIT

BASE="http://127.0.0.1:$APP_PORT"
# Starts the app (request logging on, to $WORK/app.log); STARTUP_MS is the time to its first 200 of /en/.
start_app() {
  local start_ns
  start_ns=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Archive="Data Source=$DB" \
  Archive__ImportSeeds=false \
  RateLimits__RequestsPerMinute=100000000 RateLimits__SearchesPerMinute=100000000 \
    dotnet "$APP_DLL" --urls "http://127.0.0.1:$APP_PORT" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/en/" || true)" = "200" ]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited; see $WORK/app.log"; tail -20 "$WORK/app.log"; exit 1; }
    sleep 0.01
  done
  STARTUP_MS=$(( ($(date +%s%N) - start_ns) / 1000000 ))
}

# Start-up varies with what the OS still caches (the first start after a publish or a long pause is the slowest):
# three starts and stops, each timed to the first 200; the table reports their median and each.
echo "== start-up to the first 200 of /en/, three times"
startups=""
for _ in 1 2 3; do
  start_app
  startups+="$STARTUP_MS "
  kill "$APP_PID" && wait "$APP_PID" 2>/dev/null
  APP_PID=""
done
echo "== starting the app on 127.0.0.1:$APP_PORT for the measurements (request logging on, to $WORK/app.log)"
start_app

# Addresses to measure, read from the archive itself (read-only queries work in the bare sqlite3 shell).
q() { sqlite3 -readonly "$DB" "$1"; }
published_en=$(q "SELECT count(*) FROM articles WHERE status = 'published' AND language = 'en'")
article=$(q "SELECT '/en/articles/' || id || '/' || slug FROM articles WHERE status = 'published' AND language = 'en' ORDER BY posted_at DESC, id DESC LIMIT 1 OFFSET 10")
month=$(q "SELECT replace(month, '-', '/') FROM archive_month_counts WHERE language = 'en' ORDER BY month LIMIT 1 OFFSET (SELECT count(*) / 2 FROM archive_month_counts WHERE language = 'en')")
month_path="/en/archive/${month%%/*}/$((10#${month##*/}))"
deep_cursor=$(q "SELECT posted_at || '_' || id FROM articles WHERE status = 'published' AND language = 'en' AND section_id = 1 ORDER BY posted_at DESC, id DESC LIMIT 1 OFFSET (SELECT count(*) * 9 / 10 FROM articles WHERE status = 'published' AND language = 'en' AND section_id = 1)")
korean_query=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("정부"))')

# The 50,000-URL sitemap goes last: its responses are megabytes, and what it leaves running must not weigh on the others.
NAMES=(nginx-static article home section archive-month deep-archive search-en search-ko sitemap-index feed sitemap-50k)
declare -A URLS=(
  [nginx-static]="http://127.0.0.1:$NGINX_PORT/article.html"
  [article]="$BASE$article"
  [home]="$BASE/en/"
  [section]="$BASE/en/sections/editorial"
  [archive-month]="$BASE$month_path"
  [deep-archive]="$BASE/en/sections/editorial?before=$deep_cursor"
  [search-en]="$BASE/en/search?q=pension"
  [search-ko]="$BASE/ko/search?q=$korean_query"
  [sitemap-index]="$BASE/sitemap.xml"
  [sitemap-50k]="$BASE/sitemaps/articles-1.xml"
  [feed]="$BASE/en/rss.xml"
)

echo "== nginx on 127.0.0.1:$NGINX_PORT serving the article page's exact bytes"
mkdir -p "$WORK/nginx/html" "$WORK/nginx/logs"
curl -sf -o "$WORK/nginx/html/article.html" "${URLS[article]}"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log $WORK/nginx/logs/access.log;
  sendfile on;
  default_type text/html;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/html;
  }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
until curl -sf -o /dev/null "${URLS[nginx-static]}"; do sleep 0.05; done
cmp -s "$WORK/nginx/html/article.html" <(curl -s "${URLS[nginx-static]}") || { echo "nginx serves other bytes"; exit 1; }

declare -A BYTES
for name in "${NAMES[@]}"; do
  read -r code size seconds < <(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' "${URLS[$name]}")
  [ "$code" = "200" ] || { echo "$name answered $code: ${URLS[$name]}"; exit 1; }
  BYTES[$name]=$size
  [ "$name" = "sitemap-50k" ] && sitemap_urls=$(curl -s "${URLS[$name]}" | grep -o '<loc>' | wc -l) && sitemap_seconds=$seconds
done

# Waits (at most 60 s) until the app has stopped working on requests wrk abandoned: under 5% of a core for half a second.
quiesce() {
  local before after
  for _ in $(seq 1 120); do
    before=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
    sleep 0.5
    after=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
    [ $((after - before)) -le 2 ] && return 0
  done
}

# wrk's latency percentiles in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'; }

declare -A RPS P50 P99
for run in $(seq 1 "$RUNS"); do
  for name in "${NAMES[@]}"; do
    quiesce
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency "${URLS[$name]}")
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "$name: $(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ')"; fi
    RPS[$name]+="$(awk '/^Requests\/sec/ { print $2 }' <<<"$out") "
    P50[$name]+="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")") "
    P99[$name]+="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")") "
    echo "run $run/$RUNS $name: $(awk '/^Requests\/sec/ { print $2 }' <<<"$out") req/s"
  done
done

echo "== addresses for the cold rows (distinct pieces, popular pages, pieces to correct, distinct searches)"
# 400,000 distinct pieces: at 3,000 req/s neither a crawl run (a quarter of them) nor the newsroom row asks one twice.
python3 "$HERE/bench-addresses.py" "$DB" "$WORK" 400000
crawl_lines=$(wc -l <"$WORK/crawl.txt")
slice=$((crawl_lines / (RUNS + 1)))
BYTES[crawl]=${BYTES[article]}
BYTES[newsroom]=${BYTES[article]}

# wrk over a list of addresses ($1: file, $2: first line, $3: connections, $4: duration, more: environment).
wrk_paths() {
  local file=$1 offset=$2 connections=$3 duration=$4
  shift 4
  env PATHS_FILE="$file" PATHS_OFFSET="$offset" WRK_THREADS="$THREADS" "$@" \
    wrk -t"$THREADS" -c"$connections" -d"$duration" --timeout 30s --latency -s "$HERE/distinct-paths.lua" "$BASE"
}
record() {
  local name=$1 out=$2
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "$name: $(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ')"; fi
  RPS[$name]+="$(awk '/^Requests\/sec/ { print $2 }' <<<"$out") "
  P50[$name]+="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")") "
  P99[$name]+="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")") "
}

# crawl: a new slice of distinct pieces each run, so every request misses the page cache.
for run in $(seq 1 "$RUNS"); do
  quiesce
  out=$(wrk_paths "$WORK/crawl.txt" $(((run - 1) * slice)) "$CRAWL_CONNECTIONS" "$DURATION" COUNT_HITS=1)
  record crawl "$out"
  echo "run $run/$RUNS crawl: $(awk '/^Requests\/sec/ { print $2 }' <<<"$out") req/s; $(grep '^cache-hits' <<<"$out")"
done
crawl_rss_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$APP_PID/status")

# newsroom: readers on 500 popular pages (cached first: each asked twice, since a page is stored from its second
# request), the crawl on the last slice, an editor saving every 2 s.
echo "== newsroom: readers on 500 popular pages + the crawl + an editor correcting a piece every 2 s, ${NEWSROOM_SECONDS}s"
while read -r popular_path; do curl -s -o /dev/null -o /dev/null "$BASE$popular_path" "$BASE$popular_path"; done <"$WORK/popular.txt"
quiesce
printf '%s\n' "$EDITOR_PASSWORD" | python3 "$HERE/newsroom-editor.py" "$BASE" "$EDITOR_EMAIL" "$WORK/edited.txt" "$NEWSROOM_SECONDS" 2 >"$WORK/editor.out" 2>"$WORK/editor.err" &
editor_pid=$!
wrk_paths "$WORK/crawl.txt" $((RUNS * slice)) "$CRAWL_CONNECTIONS" "${NEWSROOM_SECONDS}s" >"$WORK/newsroom-crawl.out" &
crawl_pid=$!
out=$(wrk_paths "$WORK/popular.txt" 0 "$CONNECTIONS" "${NEWSROOM_SECONDS}s" COUNT_HITS=1)
wait "$crawl_pid" "$editor_pid" || true
record newsroom "$out"
newsroom_hits=$(grep '^cache-hits' <<<"$out")
newsroom_crawl="$(awk '/^Requests\/sec/ { print $2 }' "$WORK/newsroom-crawl.out") req/s, $(grep -E 'Non-2xx' "$WORK/newsroom-crawl.out" || echo 'no non-2xx')"
newsroom_editor="$(cat "$WORK/editor.out") $(head -3 "$WORK/editor.err" | tr '\n' ' ')"

# search-first: the app's first uncached searches since its start (other queries than the sweep's), while the runtime
# still compiles the search code's hot paths at full optimisation; shown, then search-sweep: every distinct search once.
quiesce
read -r _ f_rps f_p50 f_p99 f_count _ _ < <(python3 "$HERE/search-sweep.py" "$BASE" "$WORK/search-warmup.txt" "$SEARCH_CONCURRENCY")
RPS[search-first]=$f_rps P50[search-first]=$f_p50 P99[search-first]=$f_p99 BYTES[search-first]=-
quiesce
read -r _ s_rps s_p50 s_p99 s_count s_not_ok s_cached < <(python3 "$HERE/search-sweep.py" "$BASE" "$WORK/searches.txt" "$SEARCH_CONCURRENCY")
RPS[search-sweep]=$s_rps P50[search-sweep]=$s_p50 P99[search-sweep]=$s_p99 BYTES[search-sweep]=-
NAMES+=(crawl newsroom search-first search-sweep)

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
peak_rss_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$APP_PID/status")
ceiling=$(median "${RPS[nginx-static]}")

echo
echo "Editorial Archive benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $COUNT pieces ($published_en published in English), $(nproc) cores"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 30s, median of $RUNS runs; request logging on"
printf '%-15s %10s %9s %9s %10s %9s\n' "target" "req/s" "p50 ms" "p99 ms" "bytes" "vs nginx"
for name in "${NAMES[@]}"; do
  rps=$(median "${RPS[$name]}")
  printf '%-15s %10.0f %9.2f %9.2f %10s %8.0f%%\n' "$name" "$rps" "$(median "${P50[$name]}")" "$(median "${P99[$name]}")" "${BYTES[$name]}" \
    "$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { print 100 * a / b }')"
done
echo "app start-up to first 200: median $(median "$startups") ms (runs: ${startups% }); app peak RSS (VmHWM): $((peak_rss_kb / 1024)) MB"
echo "crawl: $crawl_lines distinct pieces available, $CRAWL_CONNECTIONS connections; peak RSS after the crawl: $((crawl_rss_kb / 1024)) MB"
echo "newsroom: readers $newsroom_hits; crawl alongside $newsroom_crawl; $newsroom_editor"
echo "search-sweep: $s_count distinct searches once each, $SEARCH_CONCURRENCY at a time, after search-first ($f_count other distinct searches); $s_not_ok answers not 200, $s_cached from the cache"
echo "sitemap-50k: ${sitemap_urls} URLs in ${sitemap_seconds} s (one curl); addresses: article ${article}, month ${month_path}, deep cursor ${deep_cursor}"
