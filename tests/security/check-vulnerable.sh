#!/usr/bin/env bash
# Fails when any NuGet package of the solution, direct or transitive, has a known vulnerability.
# Needs the NuGet feed (vulnerability data comes from it): says so plainly when it cannot be reached.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! output=$(dotnet list EditorialArchive.sln package --vulnerable --include-transitive 2>&1); then
    echo "$output"
    echo "check-vulnerable: 'dotnet list package --vulnerable' failed (is the NuGet feed reachable? run 'dotnet restore' first)." >&2
    exit 2
fi
echo "$output"

if grep -qiE "unable to load the service index|error: |NU1301|could not be (found|reached)" <<<"$output"; then
    echo "check-vulnerable: the NuGet feed could not be reached, so no vulnerability data was checked." >&2
    exit 2
fi
if grep -qE "^\s*>\s" <<<"$output"; then
    echo "check-vulnerable: vulnerable packages are listed above; update them in Directory.Packages.props." >&2
    exit 1
fi
echo "check-vulnerable: no known vulnerable packages."
