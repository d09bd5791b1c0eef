#!/usr/bin/env bash
# Leak and memory-growth check of scard against the virtual reader.
#
#   check-leaks.sh [--cycles N] [--valgrind-cycles M] [--scratch-path DIR]
#                  [--asan-scratch-path DIR] [--skip-build]
#
# 1. `scard lifecycle --repeat N` (default 10,000) natively: every checkpoint must show live=0 and
#    unclean=0, and the peak RSS after N cycles must not exceed the peak after 1,000 by more than 10%.
# 2. `scard lifecycle --repeat M` (default 10,000) and the three simulators' examples
#    (`scard crypt example --ephemeral`, `scard flt example`, `scard rpc example`) under valgrind
#    memcheck.
# 3. An address-sanitizer build of scard (LeakSanitizer on): `scard lifecycle --repeat 1000` and
#    the three simulators' examples, flt included.
# Any definitely or indirectly lost block (direct or indirect leak) whose stack goes through the
# project's code fails the check (scripts/leak_report.py sorts the records; the Swift runtime's and
# libpcsclite's own blocks are counted separately and do not fail it).
# Starts the virtual reader if it is not running, and stops it again in that case.
# Logs go to $SCARD_LEAK_LOGS (default /tmp/scard-leaks). Exit 0 clean, 1 a check failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

cycles=10000
valgrind_cycles=10000
scratch=.build
asan_scratch=.build-asan
build=1
while (($#)); do
    case "$1" in
        --cycles) cycles="$2"; shift 2 ;;
        --valgrind-cycles) valgrind_cycles="$2"; shift 2 ;;
        --scratch-path) scratch="$2"; shift 2 ;;
        --asan-scratch-path) asan_scratch="$2"; shift 2 ;;
        --skip-build) build=0; shift ;;
        *) echo "check-leaks: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
if ((cycles < 1000)); then
    echo "check-leaks: --cycles must be at least 1000 (the RSS check compares against cycle 1000)" >&2
    exit 2
fi

logs="${SCARD_LEAK_LOGS:-/tmp/scard-leaks}"
mkdir -p "$logs"
failed=0
fail() { echo "check-leaks: FAIL: $*"; failed=1; }
# The ledger's own view: a run's output must not show anything live at its end.
ledger_clean() {
    if grep -qE '^live [A-Za-z]+: [1-9]|live=[1-9]' "$2"; then fail "$1: the ledger shows live resources at the end"; fi
}

if ((build)); then
    echo "check-leaks: building scard (debug, $scratch; address sanitizer, $asan_scratch)"
    swift build --scratch-path "$scratch" --product scard >"$logs/build.log" 2>&1 || {
        tail -n 30 "$logs/build.log"
        exit 1
    }
    swift build --scratch-path "$asan_scratch" --product scard --sanitize=address >"$logs/build-asan.log" 2>&1 || {
        tail -n 30 "$logs/build-asan.log"
        exit 1
    }
fi
scard="$scratch/debug/scard"
asan_scard="$asan_scratch/debug/scard"

# shellcheck source=scripts/with-reader.sh
source "$root/scripts/with-reader.sh"

# 1. Native cycles: live counts and peak RSS.
echo "check-leaks: $cycles lifecycle cycles natively"
start=$(date +%s)
status=0
"$scard" lifecycle --repeat "$cycles" >"$logs/native.txt" 2>"$logs/native.err" || status=$?
seconds=$(($(date +%s) - start))
cat "$logs/native.txt"
if ((status != 0)); then
    fail "scard lifecycle --repeat $cycles exited $status: $(head -n1 "$logs/native.err")"
fi
last=$(tail -n1 "$logs/native.txt")
if [[ "$last" != "cycle $cycles: live=0 "*"unclean=0 "* ]]; then
    fail "last checkpoint is not 'cycle $cycles: live=0 ... unclean=0': $last"
fi
if grep -v ' live=0 ' "$logs/native.txt" | grep -q .; then
    fail "a checkpoint shows live resources"
fi
peak_at() { sed -n "s/^cycle $1: .* peak=\([0-9]*\) KiB$/\1/p" "$logs/native.txt"; }
peak1k=$(peak_at 1000)
peakN=$(peak_at "$cycles")
if [[ -z "$peak1k" || -z "$peakN" ]]; then
    fail "no peak RSS figure at cycle 1000 or $cycles"
else
    growth=$(python3 -c "print(f'{($peakN - $peak1k) * 100 / $peak1k:+.1f}')")
    echo "check-leaks: peak RSS $peak1k KiB after 1000 cycles, $peakN KiB after $cycles ($growth%), $seconds s"
    if ((peakN * 10 > peak1k * 11)); then
        fail "peak RSS grew more than 10% between cycle 1000 and cycle $cycles"
    fi
fi

# 2. Valgrind: leaks attributed to the project's code.
memcheck() {
    local name=$1
    shift
    local log="$logs/valgrind-$name.log" status=0 start
    start=$(date +%s)
    valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect,possible \
        --num-callers=40 --log-file="$log" "$stripped" "$@" >"$logs/valgrind-$name.out" 2>&1 || status=$?
    local line
    line=$(python3 scripts/leak_report.py Sources "$log") || fail "$name: leaks in the project's code (see $log)"
    echo "check-leaks: valgrind $name ($(($(date +%s) - start)) s, exit $status): $line"
    ledger_clean "$name" "$logs/valgrind-$name.out"
    if ((status != 0)); then
        fail "$name exited $status under valgrind: $(tail -n1 "$logs/valgrind-$name.out")"
    fi
}

echo "check-leaks: valgrind memcheck, $valgrind_cycles lifecycle cycles and the simulators' examples"
# valgrind 3.19 cannot read the DWARF 5 line tables swiftc writes, so it runs a copy without them;
# the symbols stay, and the project's frames are recognised by their modules' mangled names.
stripped="$logs/scard-for-valgrind"
strip --strip-debug -o "$stripped" "$scard"
memcheck lifecycle lifecycle --repeat "$valgrind_cycles"
tail -n1 "$logs/valgrind-lifecycle.out"
memcheck crypt crypt example --ephemeral
memcheck flt flt example
memcheck rpc rpc example

# 3. LeakSanitizer.
lsan() {
    local name=$1
    shift
    local log="$logs/lsan-$name.log" status=0 start line
    start=$(date +%s)
    LSAN_OPTIONS="exitcode=0" ASAN_OPTIONS="detect_leaks=1:log_path=$log" "$asan_scard" "$@" >"$logs/lsan-$name.out" 2>&1 || status=$?
    cat "$log".* >"$log" 2>/dev/null || true
    rm -f "$log".*
    line=$(python3 scripts/leak_report.py Sources "$log") || fail "$name: leaks in the project's code (see $log)"
    echo "check-leaks: LeakSanitizer $name ($(($(date +%s) - start)) s, exit $status): $line"
    ledger_clean "$name" "$logs/lsan-$name.out"
    if ((status != 0)); then
        fail "$name exited $status under the address sanitizer: $(tail -n1 "$logs/lsan-$name.out")"
    fi
}

echo "check-leaks: LeakSanitizer, 1000 lifecycle cycles and the simulators' examples"
lsan lifecycle lifecycle --repeat 1000
lsan crypt crypt example --ephemeral
lsan flt flt example
lsan rpc rpc example

if ((failed)); then
    echo "check-leaks: FAILED (logs in $logs)"
    exit 1
fi
echo "check-leaks: ok (logs in $logs)"
