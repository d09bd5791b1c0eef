#!/usr/bin/env bash
# Runs the three simulators' model-based tests with many random calls each and collects their
# figures: `crypt model:`, `flt model:` and `rpc model:` lines (calls, sequences, mismatches), and
# their `... scenario model:` lines (random scenario text: lines, expectations, reboots, mismatches;
# one line per ten calls).
#
#   model-check.sh [CALLS] [SEED]     default 1000000 calls per simulator, each test's own seed
#
# Each model test also checks that nothing is live after its final teardown. The build goes to
# $SCARD_MODEL_SCRATCH (default .build). Exit 0 when all three pass with 0 mismatches, 1 otherwise.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

calls="${1:-1000000}"
if ! [[ "$calls" =~ ^[1-9][0-9]*$ ]]; then
    echo "model-check: CALLS must be a positive whole number, not '$calls'" >&2
    exit 2
fi
seed_env=()
if [[ -n "${2:-}" ]]; then seed_env=("SCARD_MODEL_SEED=$2"); fi
scratch="${SCARD_MODEL_SCRATCH:-.build}"
log="${SCARD_MODEL_LOG:-/tmp/scard-model-check.log}"

filter='CryptoAPISimTests.ModelBasedTests|FilterManagerSimTests.ModelTests|RPCSimTests.ModelBasedTests'
echo "model-check: building ($scratch)"
swift build --scratch-path "$scratch" --build-tests >"$log.build" 2>&1 || {
    tail -n 30 "$log.build"
    exit 1
}
echo "model-check: $calls random calls per simulator"
start=$(date +%s)
status=0
env SCARD_MODEL_CALLS="$calls" "${seed_env[@]}" \
    swift test --skip-build --scratch-path "$scratch" --filter "$filter" >"$log" 2>&1 || status=$?
elapsed=$(($(date +%s) - start))
grep -E '^(crypt|flt|rpc) (scenario )?model: ' "$log" || true
found=$(grep -cE '^(crypt|flt|rpc) (scenario )?model: ' "$log" || true)
grep -E 'Test run with .* (passed|failed)' "$log" | tail -n1 || true
echo "model-check: $elapsed s (log: $log)"
if ((status != 0 || found != 6)); then
    echo "model-check: FAILED (exit $status, $found of 6 model lines)"
    exit 1
fi
if grep -E '^(crypt|flt|rpc) (scenario )?model: ' "$log" | grep -vqE ' 0 mismatches(,|$)'; then
    echo "model-check: FAILED (mismatches)"
    exit 1
fi
echo "model-check: ok"
