#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, builds, and runs `swift test` (unit,
# simulator, command-line and integration tests) against a virtual reader that it starts and stops.
# The reader (pcscd and its cards) is private to the run: scripts/sandbox.sh gives it its own mount,
# network and pid namespace, so tests that stop or kill pcscd or a card touch nothing else on the
# machine. Where no namespace can be made, the suite runs against a reader started the ordinary way
# and the tests that stop or kill pcscd or a card are skipped, with the reason.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/setup.sh

echo "test: building"
swift build --build-tests

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if reason=$(bash scripts/sandbox.sh check); then
    echo "test: the virtual reader runs in a private namespace (scripts/sandbox.sh)"
    bash scripts/sandbox.sh run bash scripts/run-suite.sh "$@" 2>&1 | tee "$log"
else
    echo "test: $reason; tests that stop or kill pcscd or a card are skipped"
    bash scripts/run-suite.sh "$@" 2>&1 | tee "$log"
fi

# Each fuzz target for a short while (scripts/fuzz.sh; SCARD_CI_FUZZ_SECONDS=0 skips it).
fuzz_seconds="${SCARD_CI_FUZZ_SECONDS:-10}"
if ((fuzz_seconds > 0)); then
    echo "test: fuzzing each target for $fuzz_seconds s"
    bash scripts/fuzz.sh "$fuzz_seconds"
fi

# Repeat the test runner's closing line, so that it closes the output.
grep -a "Test run with" "$log" | tail -n 1
