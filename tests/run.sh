#!/usr/bin/env bash
# Every test, on a fresh machine: installs what the browser tests need, starts PostgreSQL and Redis, runs `dotnet test` over the solution with
# TRX results, and ends with one line `tests: N passed, N failed` summed from the TRX files (a build failure or a
# crashed test host counts as a failure). Extra arguments go to `dotnet test` (e.g. --filter).
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

summary() { echo "tests: $1 passed, $2 failed"; }

if ! bash tests/install-test-deps.sh; then
  summary 0 1
  exit 1
fi

# PostgreSQL and Redis for the tests that need them (ARCHIVE_TEST_POSTGRES, ARCHIVE_TEST_REDIS).
if ! services=$(bash tests/start-test-services.sh </dev/null); then
  summary 0 1
  exit 1
fi
eval "$services"

rm -rf TestResults
dotnet test EditorialArchive.sln --logger trx --results-directory TestResults "$@"
status=$?

passed=0
failed=0
shopt -s nullglob globstar
trx_files=(TestResults/**/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  p=$(count passed) f=$(count failed) e=$(count error) t=$(count timeout) a=$(count aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done

# A build failure or crashed test host leaves no (or too few) results: count it as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
if [ ${#trx_files[@]} -eq 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

[ -d TestResults/screenshots ] && echo "Screenshots: $(pwd)/TestResults/screenshots"
summary "$passed" "$failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
