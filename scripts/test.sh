#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, starts the virtual reader, runs
# `swift test` (unit, simulator, command-line and integration tests), and always stops what it started.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/setup.sh

cleanup() { bash scripts/virtual-reader.sh stop || true; }
trap cleanup EXIT

bash scripts/virtual-reader.sh start

echo "test: building"
swift build --build-tests
echo "test: running the suite"
log=$(mktemp)
trap 'rm -f "$log"; cleanup' EXIT
SCARD_VIRTUAL_READER=1 SCARD_PROJECT_ROOT="$root" swift test --skip-build "$@" 2>&1 | tee "$log"

# Each fuzz target for a short while (scripts/fuzz.sh; SCARD_CI_FUZZ_SECONDS=0 skips it).
fuzz_seconds="${SCARD_CI_FUZZ_SECONDS:-10}"
if ((fuzz_seconds > 0)); then
    echo "test: fuzzing each target for $fuzz_seconds s"
    bash scripts/fuzz.sh "$fuzz_seconds"
fi

# Stop what was started, then repeat the test runner's closing line, so that it closes the output.
summary=$(grep -a "Test run with" "$log" | tail -n 1)
trap - EXIT
rm -f "$log"
cleanup
echo "$summary"
