#!/usr/bin/env bash
# Start-up of the release binary, in one run on the same virtual reader: instructions (callgrind,
# on the stripped binary) and wall time (hyperfine, interleaved rounds) of `scard list-readers`
# with card names, without them (an empty --atr-list), `scard atr`, and `opensc-tool -l`.
#
#   scripts/bench-startup.sh [ROUNDS]        default 5 rounds of 50 runs each
#   SCARD_BINARY=PATH scripts/bench-startup.sh   measures a binary built already
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds=${1:-5}
work=$(mktemp -d)
started=""
cleanup() {
    rm -rf "$work"
    if [[ -n "$started" ]]; then bash scripts/virtual-reader.sh stop >/dev/null; fi
}
trap cleanup EXIT

bash scripts/setup.sh --peers >/dev/null
command -v valgrind >/dev/null || { echo "bench-startup: needs valgrind (apt install valgrind)" >&2; exit 2; }
binary=${SCARD_BINARY:-}
if [[ -z "$binary" ]]; then
    bash scripts/build-release.sh --product scard >/dev/null
    binary="$(bash scripts/build-release.sh --show-bin-path)/scard"
fi
strip -o "$work/scard" "$binary"
scard="$work/scard"
: >"$work/empty-list.txt"
if ! /usr/bin/python3 scripts/pcsc_probe.py >/dev/null; then
    bash scripts/virtual-reader.sh start
    started=1
fi
atr="3B 95 13 81 01 80 73 FF 01 00 0B"
printf 'bench-startup: stripped binary %s bytes\n' "$(stat -c %s "$scard")"

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
echo "bench-startup: instructions (callgrind)"
for spec in "scard list-readers|$scard list-readers" \
            "scard list-readers, no names|$scard list-readers --atr-list $work/empty-list.txt" \
            "scard atr|$scard atr $atr" \
            "opensc-tool -l|opensc-tool -l"; do
    name=${spec%%|*}
    read -r -a command <<<"${spec#*|}"
    [[ "$name" == "scard atr" ]] && command=("$scard" atr "$atr")
    printf '  %-30s %6.1f M\n' "$name" "$(echo "$(instructions "${command[@]}") / 1000000" | bc -l)"
done

echo "bench-startup: wall time, $rounds interleaved rounds of 50 runs (median of the rounds' medians)"
for ((r = 0; r < rounds; r++)); do
    commands=(-n "scard list-readers" "$scard list-readers"
              -n "scard list-readers, no names" "$scard list-readers --atr-list $work/empty-list.txt"
              -n "opensc-tool -l" "opensc-tool -l")
    at=$(((r % 3) * 3))
    hyperfine -N --warmup 5 --runs 50 --style none --export-json "$work/wall-$r.json" \
        "${commands[@]:at}" "${commands[@]:0:at}" >/dev/null
done
/usr/bin/python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
samples = {}
for r in range(rounds):
    for result in json.load(open(f"{work}/wall-{r}.json"))["results"]:
        samples.setdefault(result["command"], []).append(result["median"])
medians = {name: statistics.median(values) for name, values in samples.items()}
for name, value in medians.items():
    print(f"  {name:30s} {value * 1000:6.2f} ms")
for name in ("scard list-readers", "scard list-readers, no names"):
    print(f"  {name + ' / opensc-tool -l':44s} {medians[name] / medians['opensc-tool -l']:5.2f}x")
PY
