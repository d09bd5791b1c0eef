#!/usr/bin/env bash
# Runs the core's tests and the integration tests (parallel --all-readers runs, watch cancelled
# from another task, concurrent handle tables) under the thread sanitizer, against the virtual reader.
#
#   tsan.sh [FILTER]     default "ContextCoreTests|IntegrationTests"
#
# The sanitized build goes to $SCARD_TSAN_SCRATCH (default .build-tsan); it rebuilds everything,
# so expect several minutes on two cores. Starts the virtual reader if it is not running, and stops
# it again in that case. Any "WARNING: ThreadSanitizer" report fails the run. Reports inside
# ContextCore's Mutex-protected table are suppressed (scripts/tsan-suppressions.txt says why) and
# counted: the run prints how many were suppressed.
# Exit 0 clean, 1 a test failed or TSan reported something.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

filter="${1:-ContextCoreTests|IntegrationTests}"
scratch="${SCARD_TSAN_SCRATCH:-.build-tsan}"
log="${SCARD_TSAN_LOG:-/tmp/scard-tsan.log}"

# shellcheck source=scripts/with-reader.sh
source "$root/scripts/with-reader.sh"

echo "tsan: building with -sanitize=thread ($scratch)"
start=$(date +%s)
swift build --scratch-path "$scratch" --build-tests --sanitize=thread >"$log.build" 2>&1 || {
    tail -n 30 "$log.build"
    exit 1
}
echo "tsan: built in $(($(date +%s) - start)) s"
start=$(date +%s)
status=0
# The scard binary the integration tests run is the sanitized one too: its reports go to its stderr,
# which the tests capture, so TSan is told to log them to files as well.
mkdir -p "$log.reports"
rm -f "$log.reports"/*
TSAN_OPTIONS="log_path=$log.reports/report:suppressions=$root/scripts/tsan-suppressions.txt:print_suppressions=1:${TSAN_OPTIONS:-}" SCARD_VIRTUAL_READER=1 SCARD_PROJECT_ROOT="$root" \
    swift test --skip-build --scratch-path "$scratch" --sanitize=thread --filter "$filter" >"$log" 2>&1 || status=$?
grep -E 'Test run with .* (passed|failed)' "$log" | tail -n1 || true
reports=$( (grep -l "WARNING: ThreadSanitizer" "$log.reports"/* 2>/dev/null || true) | wc -l)
suppressed=$( (cat "$log.reports"/* 2>/dev/null || true) | sed -n 's/^ *\([0-9]*\) race:.*/\1/p' | paste -sd+ | bc)
echo "tsan: ${suppressed:-0} race report(s) suppressed as the Mutex false positive (scripts/tsan-suppressions.txt)"
inline=$(grep -c "WARNING: ThreadSanitizer" "$log" || true)
echo "tsan: $(($(date +%s) - start)) s; test exit $status; $reports report file(s), $inline report(s) in the test output (log: $log)"
if ((status != 0 || reports > 0 || inline > 0)); then
    grep -h -A12 "WARNING: ThreadSanitizer" "$log.reports"/* "$log" 2>/dev/null | head -n 60
    echo "tsan: FAILED"
    exit 1
fi
echo "tsan: clean"
