#!/usr/bin/env bash
# Makes the README's pictures again: runs the browser journeys that take them (tests/EditorialArchive.BrowserTests,
# Evidence.ReadmeScreenshotAsync writes them to TestResults/readme-screenshots/) and copies them here.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bash tests/install-test-deps.sh
rm -rf TestResults/readme-screenshots
dotnet test tests/EditorialArchive.BrowserTests --filter "FullyQualifiedName~ReaderJourneyTests|FullyQualifiedName~EditorJourneyTests"
cp TestResults/readme-screenshots/*.png tests/EditorialArchive.BrowserTests/screenshots/
ls -l tests/EditorialArchive.BrowserTests/screenshots/*.png
