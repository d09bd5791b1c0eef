#!/usr/bin/env bash
# Compares, in one run and on the same virtual card, 1,000 GET CHALLENGE exchanges through
# `scard script`, a minimal C client on libpcsclite (the floor), scriptor, pyscard and opensc-tool,
# plus `scard list-readers` against `opensc-tool -l`. Prints medians (hyperfine) and ratios.
#
#   scripts/bench.sh [RUNS] [COUNT]      defaults: 7 rounds, 1000 exchanges
#   SCARD_BINARY=PATH scripts/bench.sh   measures a binary built already
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=${1:-7}
count=${2:-1000}
work=$(mktemp -d)
started=""
cleanup() {
    rm -rf "$work"
    if [[ -n "$started" ]]; then bash scripts/virtual-reader.sh stop >/dev/null; fi
}
trap cleanup EXIT

bash scripts/setup.sh --peers
echo "bench: building scard (release, Swift runtime linked statically) and the C floor"
scard=${SCARD_BINARY:-}
if [[ -z "$scard" ]]; then
    bash scripts/build-release.sh --product scard >/dev/null
    scard="$(bash scripts/build-release.sh --show-bin-path)/scard"
fi
# shellcheck disable=SC2046
gcc -O2 -o "$work/floor" scripts/bench/floor.c $(pkg-config --cflags --libs libpcsclite)

if ! "$scard" list-readers >/dev/null 2>&1; then
    bash scripts/virtual-reader.sh start
    started=1
fi
reader="Virtual PCD 00 00"
for ((i = 0; i < count; i++)); do echo "00 84 00 00 08"; done >"$work/challenge.apdu"
opensc_args=()
for ((i = 0; i < count; i++)); do opensc_args+=(-s 00:84:00:00:08); done
printf '%q ' opensc-tool -r 0 "${opensc_args[@]}" >"$work/opensc.sh"

# Rounds interleave the clients (each round runs every client once, starting with a different one
# each time), so that a drift in the machine's speed during the run, or the place in a round,
# weighs on all of them alike; one round first warms up.
round() {
    local name=$1 start=$2
    shift 2
    local -a args=("$@") rotated=()
    local n=$((${#args[@]} / 3)) i
    for ((i = 0; i < n; i++)); do
        local at=$((((start + i) % n) * 3))
        rotated+=("${args[@]:at:3}")
    done
    hyperfine --runs 1 --style none --export-json "$work/$name.json" "${rotated[@]}" >/dev/null
}
echo "bench: $count x GET CHALLENGE on '$reader', $runs interleaved rounds (median)"
for ((r = 0; r <= runs; r++)); do
    round "apdu-$r" "$r" \
        -n "scard script" "$scard script -r 0 $work/challenge.apdu" \
        -n "C floor" "$work/floor '$reader' $count" \
        -n "scriptor" "scriptor -r '$reader' $work/challenge.apdu" \
        -n "pyscard" "/usr/bin/python3 scripts/bench/pyscard_client.py '$reader' $count" \
        -n "opensc-tool" "bash $work/opensc.sh"
done
for ((r = 0; r <= runs * 3; r++)); do
    round "list-$r" "$r" -n "scard list-readers" "$scard list-readers" -n "opensc-tool -l" "opensc-tool -l"
done

/usr/bin/python3 - "$work" "$runs" <<'PY'
import json, statistics, sys

work, runs = sys.argv[1], int(sys.argv[2])

def medians(prefix, rounds):
    """Median wall and CPU seconds per client over the rounds after the first (the warm-up)."""
    samples = {}
    for r in range(1, rounds + 1):
        for result in json.load(open(f"{work}/{prefix}-{r}.json"))["results"]:
            wall, cpu = samples.setdefault(result["command"], ([], []))
            wall.append(result["median"])
            cpu.append(result.get("user", 0) + result.get("system", 0))
    return {name: (statistics.median(wall), statistics.median(cpu)) for name, (wall, cpu) in samples.items()}

apdu = medians("apdu", runs)
listing = medians("list", runs * 3)
scard = apdu["scard script"][0]
floor = apdu["C floor"][0]
print(f"{'client':<22}{'wall s':>10}{'cpu s':>10}{'scard / it':>12}")
for name in ("scard script", "C floor", "scriptor", "pyscard", "opensc-tool"):
    wall, cpu = apdu[name]
    print(f"{name:<22}{wall:>10.3f}{cpu:>10.3f}{scard / wall:>12.2f}")
print()
print(f"scard script / C floor: {scard / floor:.2f}x (target <= 1.10)")
for peer in ("scriptor", "pyscard", "opensc-tool"):
    print(f"scard script / {peer}: {scard / apdu[peer][0]:.2f}x (target <= 0.70)")
ls, ol = listing["scard list-readers"][0], listing["opensc-tool -l"][0]
print(f"scard list-readers {ls * 1000:.1f} ms, opensc-tool -l {ol * 1000:.1f} ms: {ls / ol:.2f}x (target <= 1.50)")
PY
