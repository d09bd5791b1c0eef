#!/usr/bin/env bash
# Builds the libFuzzer targets of Tests/Fuzz (address sanitizer on) and runs each for SECONDS.
#
#   fuzz.sh [SECONDS] [TARGET...]     default 60 seconds each, every target
#
# Targets: apdu-hex script-parser atr-decoder ber-tlv crypt-scenario flt-scenario rpc-scenario.
# Each run starts from the seed corpus in Tests/Fuzz/<target>/corpus (read only: new inputs go to a
# work folder under $SCARD_FUZZ_WORK, default /tmp/scard-fuzz), so every seed, including any kept
# crash input, is replayed first as a regression test. A crash leaves its input in the work
# folder as crash-<hash>; fix the bug, then copy the input into the target's corpus.
# The build goes to $SCARD_FUZZ_SCRATCH (default .build-fuzz). Prints one line per target:
#   fuzz: TARGET: RUNS runs in SECONDS s (EXECS/s), corpus N inputs, ok|CRASH
# Exit 0 when no target crashed, 1 otherwise, 2 on a usage error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "fuzz: SECONDS must be a positive whole number, not '$seconds'" >&2
    exit 2
fi
shift || true

declare -A products=(
    [apdu-hex]=FuzzAPDUHex [script-parser]=FuzzScriptParser [atr-decoder]=FuzzATRDecoder [ber-tlv]=FuzzBERTLV
    [crypt-scenario]=FuzzCryptScenario [flt-scenario]=FuzzFltScenario [rpc-scenario]=FuzzRPCScenario
)
all=(apdu-hex script-parser atr-decoder ber-tlv crypt-scenario flt-scenario rpc-scenario)
targets=("${@:-${all[@]}}")
for target in "${targets[@]}"; do
    if [[ -z "${products[$target]:-}" ]]; then
        echo "fuzz: unknown target '$target' (one of: ${all[*]})" >&2
        exit 2
    fi
done

scratch="${SCARD_FUZZ_SCRATCH:-$root/.build-fuzz}"
[[ "$scratch" = /* ]] || scratch="$root/$scratch"
work="${SCARD_FUZZ_WORK:-/tmp/scard-fuzz}"
mkdir -p "$work"

# Linked with lld: gold fails on these binaries (internal error in its DWARF reader).
echo "fuzz: building the targets (release, -sanitize=fuzzer,address, $scratch)"
start=$(date +%s)
if ! swift build -c release --package-path Tests/Fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >"$work/build.log" 2>&1; then
    tail -n 40 "$work/build.log"
    echo "fuzz: build failed (log: $work/build.log)" >&2
    exit 1
fi
echo "fuzz: built in $(($(date +%s) - start)) s"
bin="$(swift build -c release --package-path Tests/Fuzz --scratch-path "$scratch" --show-bin-path)"

crashed=0
for target in "${targets[@]}"; do
    corpus="$work/$target/corpus"
    log="$work/$target/fuzz.log"
    mkdir -p "$corpus"
    status=0
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$bin/${products[$target]}" \
        "$corpus" "Tests/Fuzz/$target/corpus" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$work/$target/" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *\([0-9]*\).*/\1/p' "$log" | tail -n1)
    size=$(find "$corpus" "Tests/Fuzz/$target/corpus" -type f | wc -l)
    if ((status == 0)); then
        verdict=ok
    else
        verdict="CRASH (exit $status; input and log in $work/$target/)"
        crashed=1
        grep -m3 -E "ERROR|Fatal error|fault|==[0-9]+==" "$log" || tail -n 5 "$log"
    fi
    echo "fuzz: $target: ${runs:-?} runs in $seconds s (${rate:-?}/s), corpus $size inputs, $verdict"
done
exit "$crashed"
