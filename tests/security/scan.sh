#!/usr/bin/env bash
# Web-scanner run against a real instance: publishes the app (Release), seeds a temporary archive, adds a desk
# account, serves it on 127.0.0.1, then runs Debian's wapiti over the public pages and sqlmap against the search
# query, the desk sign-in form and the desk's new-piece form (signed in, with the antiforgery token refreshed).
# Prints one summary and exits 1 when any tool reports a finding (2 when a tool could not run).
#
#   tests/security/scan.sh
#
# Environment: SCAN_DIR (work folder, default a new /tmp/editorial-archive-scan.XXXX, deleted at the end unless
# KEEP=1), PORT (default 5087), WAPITI_SECONDS (wapiti's whole time box, default 900), SQLMAP_LEVEL (default 2),
# SQLMAP_RISK (default 1).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${SCAN_DIR:-$(mktemp -d /tmp/editorial-archive-scan.XXXX)}
PORT=${PORT:-5087}
WAPITI_SECONDS=${WAPITI_SECONDS:-900}
SQLMAP_LEVEL=${SQLMAP_LEVEL:-2}
SQLMAP_RISK=${SQLMAP_RISK:-1}
BASE="http://127.0.0.1:$PORT"
DB="$WORK/archive.db"
APP_DIR="$WORK/app"
EMAIL=scan@example.com
PASSWORD="scanner password $(date +%s)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Archive="Data Source=$DB"
# The scanners sign in many times a minute; the limit itself is tested elsewhere.
export Accounts__SignInAttemptsPerMinute=100000
# So are the per-address request and search limits (Hosting/SECURITY.md); a scanner asks thousands a minute.
export RateLimits__RequestsPerMinute=10000000 RateLimits__SearchesPerMinute=10000000

mkdir -p "$WORK"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" != "1" ]; then rm -rf "$WORK"; else echo "== kept $WORK"; fi
}
trap cleanup EXIT

if ! command -v wapiti >/dev/null || ! command -v sqlmap >/dev/null; then
  echo "== installing wapiti and sqlmap (Debian)"
  as_root=(); [ "$(id -u)" = 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq >/dev/null
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wapiti sqlmap >/dev/null \
    || { echo "could not install wapiti and sqlmap"; exit 2; }
fi

echo "== publishing the app (Release) to $APP_DIR"
dotnet publish "$ROOT/src/EditorialArchive.Web" -c Release -o "$APP_DIR" --nologo -v quiet >/dev/null
APP_DLL="$APP_DIR/EditorialArchive.Web.dll"

echo "== seeding $DB and adding the desk account $EMAIL"
dotnet "$APP_DLL" import-seeds >/dev/null
printf '%s\n' "$PASSWORD" | dotnet "$APP_DLL" users add --email "$EMAIL" --role admin --password-stdin >/dev/null

echo "== serving $BASE"
ASPNETCORE_URLS="$BASE" dotnet "$APP_DLL" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 60); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$BASE/healthz" >/dev/null || { echo "the app did not start:"; cat "$WORK/app.log"; exit 2; }

# Signs in through the real form (antiforgery cookie and token) and leaves the session in $WORK/cookies.txt.
JAR="$WORK/cookies.txt"
token_of() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1; }
login_token=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/admin/login" | token_of)
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Email=$EMAIL" --data-urlencode "Password=$PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$login_token" "$BASE/admin/login"
# curl writes HttpOnly cookies (the session and antiforgery ones) as "#HttpOnly_host ..." lines.
COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }')
curl -fsS -o /dev/null -w '%{http_code}' -b "$JAR" "$BASE/admin" | grep -q 200 || { echo "could not sign in the desk account"; exit 2; }

findings=0
summary=()

echo "== wapiti over the public pages (time box ${WAPITI_SECONDS}s)"
wapiti_status=0
# No -x exclusions: wapiti 3.0.4's wildcard_translate builds "\Z(?ms)", which Python 3.11's re refuses (Debian
# bookworm), so any -x aborts the run. The desk's sign-in page is public anyway; the desk itself needs a cookie.
# "/" only redirects, and wapiti does not crawl past a redirect: start it on each edition and the search page too.
# wapiti 3.0.4's explorer here attacks its start URLs but follows no link from them (seen: 8 start URLs, 8 found),
# so every public address is given as a start URL: what the home pages, sitemaps and archive pages link to.
start_urls=("$BASE/en/" "$BASE/ko/" "$BASE/en/search?q=seoul" "$BASE/ko/search?q=%EC%84%9C%EC%9A%B8" "$BASE/en/rss.xml" \
  "$BASE/sitemap.xml" "$BASE/news-sitemap.xml" "$BASE/robots.txt")
for page in /en/ /ko/ /en/archive /ko/archive /sitemap.xml; do
  while IFS= read -r path; do start_urls+=("$BASE$path"); done < <(curl -fsS --compressed "$BASE$page" \
    | grep -oE '(href="|<loc>)(http://127\.0\.0\.1:[0-9]+)?/[^"<#]*' | sed -E 's#^(href="|<loc>)(http://127\.0\.0\.1:[0-9]+)?##' \
    | grep -vE '^/(admin|css|js|img|favicon)' | sed 's/&amp;/\&/g')
done
for url in $(curl -fsS --compressed "$BASE/sitemap.xml" | grep -oE '<loc>[^<]+' | sed 's/<loc>//'); do
  while IFS= read -r loc; do start_urls+=("$loc"); done < <(curl -fsS --compressed "$url" | grep -oE '<loc>[^<]+' | sed 's/<loc>//')
done
mapfile -t start_urls < <(printf '%s\n' "${start_urls[@]}" | sort -u)
echo "-- wapiti start URLs: ${#start_urls[@]}"
start_args=()
for url in "${start_urls[@]}"; do start_args+=(-s "$url"); done
wapiti -u "$BASE/" --scope folder --flush-session "${start_args[@]}" \
  --store-session "$WORK/wapiti-session" --store-config "$WORK/wapiti-config" \
  --max-scan-time "$WAPITI_SECONDS" --max-attack-time $((WAPITI_SECONDS / 6)) --max-links-per-page 40 \
  -f json -o "$WORK/wapiti.json" -v 1 --no-bugreport >"$WORK/wapiti.log" 2>&1 || wapiti_status=$?
if [ ! -s "$WORK/wapiti.json" ]; then
  echo "wapiti produced no report (exit $wapiti_status):"; tail -n 30 "$WORK/wapiti.log"; exit 2
fi
# Vulnerabilities and anomalies (500 answers, time-outs) count; "additionals" (notes such as missing headers) are listed.
# Two header notes are the app's choice, not holes (Hosting/SECURITY.md): X-XSS-Protection is obsolete (browsers
# removed the filter; "1" can itself leak), and RFC 6797 7.2 forbids HSTS on plain HTTP, which is what the scan uses;
# over HTTPS through the trusted proxy the header is sent (tested). They are listed as accepted.
accepted_filter='select(.info == "X-XSS-Protection is not set" or .info == "Strict-Transport-Security is not set")'
wapiti_accepted=$(jq "[.vulnerabilities[][] | $accepted_filter] | length" "$WORK/wapiti.json")
wapiti_vulns=$(( $(jq '[.vulnerabilities[] | length] | add // 0' "$WORK/wapiti.json") - wapiti_accepted ))
wapiti_anomalies=$(jq '[.anomalies[] | length] | add // 0' "$WORK/wapiti.json")
wapiti_notes=$(jq '[(.additionals // {})[] | length] | add // 0' "$WORK/wapiti.json")
wapiti_urls=$(grep -c '^\[+\] GET\|^\[+\] POST' "$WORK/wapiti.log" || true)
echo "-- wapiti: $wapiti_vulns vulnerabilities, $wapiti_accepted accepted header notes, $wapiti_anomalies anomalies, $wapiti_notes notes"
jq -r '.vulnerabilities, .anomalies, (.additionals // {}) | to_entries[] | select(.value | length > 0)
       | .key as $k | .value[] | "   \($k): \(.method) \(.path) \(.parameter // "") \(.info)"' "$WORK/wapiti.json" | head -n 40
summary+=("wapiti      ${#start_urls[@]} public addresses     vulnerabilities=$wapiti_vulns accepted=$wapiti_accepted anomalies=$wapiti_anomalies notes=$wapiti_notes")
findings=$((findings + wapiti_vulns + wapiti_anomalies))

# Runs sqlmap on one target; a finding is a non-empty "log" file in its output folder (sqlmap writes the injection
# points it confirms there).
run_sqlmap() {
  local name=$1; shift
  local out="$WORK/sqlmap-$name"
  echo "== sqlmap: $name"
  sqlmap --batch --level "$SQLMAP_LEVEL" --risk "$SQLMAP_RISK" --dbms=SQLite --output-dir "$out" \
    --disable-coloring --flush-session "$@" >"$WORK/sqlmap-$name.log" 2>&1 || true
  local log
  log=$(find "$out" -name log -size +0 2>/dev/null | head -n 1)
  local requests
  requests=$(grep -oE 'sqlmap.*(total of|made) [0-9]+ HTTP' "$WORK/sqlmap-$name.log" | grep -oE '[0-9]+' | tail -n 1 || true)
  if [ -n "$log" ] || grep -qE 'is vulnerable|appears to be .*injectable' "$WORK/sqlmap-$name.log"; then
    echo "-- sqlmap $name: INJECTABLE"; grep -E 'Parameter:|Type:|Title:' "$WORK/sqlmap-$name.log" | head -n 20
    summary+=("sqlmap      $name  INJECTABLE (see above)")
    findings=$((findings + 1))
  elif grep -qE 'do not appear to be injectable|does not seem to be injectable' "$WORK/sqlmap-$name.log"; then
    echo "-- sqlmap $name: not injectable"
    summary+=("sqlmap      $name  not injectable")
  else
    echo "-- sqlmap $name: no verdict:"; tail -n 15 "$WORK/sqlmap-$name.log"
    summary+=("sqlmap      $name  NO VERDICT")
    findings=$((findings + 1))
  fi
}

run_sqlmap search -u "$BASE/en/search?q=seoul" -p q
# A fresh anonymous session for the sign-in form: sqlmap takes the token from the page on each request.
run_sqlmap signin -u "$BASE/admin/login" --data "Email=a%40example.com&Password=x&__RequestVerificationToken=x" \
  -p "Email,Password" --csrf-token "__RequestVerificationToken" --csrf-url "$BASE/admin/login"
new_token=$(curl -fsS -b "$JAR" "$BASE/admin/articles/new" | token_of)
run_sqlmap desk-save -u "$BASE/admin/articles/new" --cookie "$COOKIE" \
  --data "Headline=Scan&Slug=&Language=en&SectionSlug=editorial&Byline=Scan&Body=Scanned%20text.&ExternalUrl=&ExternalTitle=&__RequestVerificationToken=$new_token" \
  -p "Headline,Slug,Language,SectionSlug,Byline,Body,ExternalUrl,ExternalTitle" \
  --csrf-token "__RequestVerificationToken" --csrf-url "$BASE/admin/articles/new"

# The app itself must not have answered 5xx or logged an error during the scan.
errors=$(grep -cE '"@l":"(Error|Fatal)"|\b(fail|crit):' "$WORK/app.log" || true)
summary+=("app log     errors and failures logged: $errors")
findings=$((findings + errors))

echo
echo "== summary ($(date -u +%Y-%m-%dT%H:%MZ), $BASE)"
printf '%s\n' "${summary[@]}"
if [ "$findings" -gt 0 ]; then echo "FINDINGS: $findings"; exit 1; fi
echo "no findings"
