#!/usr/bin/env bash
# Measures how scard ends when pcscd or the card stops answering: freezes (SIGSTOP) the card or
# pcscd of a private virtual reader (scripts/sandbox.sh), runs scard against it, and prints the exit
# code and the seconds from the freeze (or from the signal) to the exit, as a Markdown table.
#
#   stall-figures.sh [SCARD_BINARY]     default: the debug build
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scard="${1:-$root/.build/debug/scard}"
[[ -x $scard ]] || { echo "stall-figures: no scard binary at $scard (swift build first)" >&2; exit 2; }

if [[ "${SCARD_PRIVATE_READER:-}" != 1 ]]; then
    exec bash "$root/scripts/sandbox.sh" run bash "$root/scripts/stall-figures.sh" "$scard"
fi

bash "$root/scripts/virtual-reader.sh" start >/dev/null
trap 'bash "$root/scripts/virtual-reader.sh" stop >/dev/null 2>&1 || true' EXIT
state=$SCARD_VR_STATE
script=$(mktemp --suffix .apdu)
for ((i = 0; i < 2000; i++)); do printf '00 84 00 00 08\ndelay 5ms\n'; done >"$script"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# $1 what, $2 freeze (card|pcscd), $3 signal to send 1 s after the freeze (or "none"), then the command.
measure() {
    local what=$1 target=$2 signal=$3 pid status start
    shift 3
    if [[ $target == card ]]; then pid=$(cat "$state/vicc-0.pid"); else pid=$(cat "$state/pcscd.pid"); fi
    if [[ $target == card ]]; then
        "$scard" "$@" <"${input:-/dev/null}" >/dev/null 2>"$state/stderr" &
        local run=$!
        sleep 0.8
        kill -STOP "$pid"
    else
        kill -STOP "$pid"
        "$scard" "$@" >/dev/null 2>"$state/stderr" &
        local run=$!
    fi
    start=$(now)
    if [[ $signal != none ]]; then
        sleep 1
        start=$(now)
        kill "-$signal" "$run"
    fi
    status=0
    wait "$run" || status=$?
    local took
    took=$(since "$start")
    kill -CONT "$pid"
    printf '| %s | %s | %s | `%s` |\n' "$what" "$status" "$took" "$(head -c 160 "$state/stderr" | tr -d '\n')"
    if [[ $target == card ]]; then
        bash "$root/scripts/virtual-reader.sh" card-remove 0 >/dev/null
        bash "$root/scripts/virtual-reader.sh" card-insert 0 >/dev/null
    else
        "$scard" list-readers >/dev/null
    fi
}

echo "| stall | exit | seconds to exit | message |"
echo "|---|---|---|---|"
measure "card frozen mid-script, --timeout 2 (from the freeze)" card none script --timeout 2 -r 0 "$script"
measure "card frozen mid-script, Ctrl-C (from the signal)" card INT script -r 0 "$script"
measure "card frozen mid-script, SIGTERM (from the signal)" card TERM script -r 0 "$script"
# send - fed one APDU every 5 ms through a FIFO, as a program talking to it would.
fifo="$state/apdus"
mkfifo "$fifo"
(while true; do echo 0084000008; sleep 0.005; done) >"$fifo" 2>/dev/null &
feeder=$!
input=$fifo measure "card frozen during send -, --timeout 2 (from the freeze)" card none send --timeout 2 -r 0 -
kill "$feeder" 2>/dev/null || true
measure "pcscd frozen, list-readers --timeout 2" pcscd none list-readers --timeout 2
measure "pcscd frozen, list-readers, Ctrl-C (from the signal)" pcscd INT list-readers
measure "pcscd frozen, watch --timeout 2" pcscd none watch --timeout 2
measure "pcscd frozen, watch, Ctrl-C (from the signal)" pcscd INT watch
measure "pcscd frozen, status, default deadline (10 s)" pcscd none status
rm -f "$script"
