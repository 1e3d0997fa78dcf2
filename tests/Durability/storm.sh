#!/usr/bin/env bash
# Long form of the storm test (CI runs 8 editors x 25 saves): EDITORS editors (default 16) x SAVES saves each
# (default 200) on 20 pieces of the real app process, while readers load public pages. Prints:
#   storm: 16 editors x 200 saves in …s: acknowledged N, refused with the 409 conflict page M, found N, lost 0,
#   corrupt 0, desk 5xx 0, other answers 0, unanswered 0, public reads R with 5xx 0, 'database is locked'/error log lines 0
# Exit status 0 only when all of those zeros hold.
# Usage: tests/Durability/storm.sh [EDITORS] [SAVES]
set -euo pipefail
cd "$(dirname "$0")/../.."
editors="${1:-16}"
saves="${2:-200}"
report="$(mktemp)"
log="$report.log"
if DURABILITY_STORM_EDITORS="$editors" DURABILITY_STORM_SAVES="$saves" DURABILITY_REPORT="$report" \
    dotnet test tests/EditorialArchive.Tests --filter "FullyQualifiedName~Durability.StormTests.A_storm_of_editors" >"$log" 2>&1; then
    cat "$report"
else
    cat "$report"
    tail -40 "$log"
    exit 1
fi
