#!/usr/bin/env bash
# Starts, stops and inspects the virtual reader: pcscd with vsmartcard's vpcd driver (two readers,
# "Virtual PCD 00 00" and "Virtual PCD 00 01") and one iso7816 vicc card per reader.
#
#   virtual-reader.sh start            pcscd (unless one runs already) and both cards; waits until ready
#   virtual-reader.sh stop             stops only what `start` started, by pid
#   virtual-reader.sh status           prints what runs and what pcscd sees
#   virtual-reader.sh card-remove N    stops the card in reader N (0 or 1): the card is removed
#   virtual-reader.sh card-insert N    starts the card in reader N again and waits for it
#   virtual-reader.sh card-insert N --t0 [--mute] [--delayed-ack]
#                                      puts scripts/t0card.py (a scripted T=0 card answering 61xx
#                                      and 6Cxx) in reader N instead; it stays there across
#                                      pcscd-stop/pcscd-start until card-remove N
#   virtual-reader.sh pcscd-stop       stops the pcscd `start` started (never another one); its cards go with it
#   virtual-reader.sh pcscd-start      starts pcscd again with the cards it had, and waits for them
#   virtual-reader.sh pcscd-start --no-readers   starts pcscd with no reader configured
#
# State (pid files, logs) lives in $SCARD_VR_STATE (default /tmp/scard-virtual-reader). Processes are
# only ever signalled by the pids in it: a pcscd or card this script did not start is used, never stopped.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${SCARD_VR_STATE:-/tmp/scard-virtual-reader}"
shim_dir="${SCARD_VICC_SHIM:-/var/lib/scard/vicc-python}"
vicc_pkg=/usr/lib/python3/site-packages/virtualsmartcard
ports=(35963 35964)
socket=/run/pcscd/pcscd.comm
mkdir -p "$state"

say() { echo "virtual-reader: $*"; }

# Whether a process runs (a zombie, dead but not yet reaped, does not count).
running() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ "${stat%% *}" != "Z" ]]
}

alive() { [[ -f "$1" ]] && running "$(cat "$1")"; }

probe() { /usr/bin/python3 "$here/pcsc_probe.py" 2>/dev/null || true; }

# Polls (bounded) until pcscd lists at least $1 readers with at least $2 cards.
wait_for() {
    local want_readers=$1 want_cards=$2 seen="" i
    for ((i = 0; i < 200; i++)); do
        if [[ -S $socket ]]; then
            seen=$(probe)
            read -r readers cards <<<"${seen:-0 0}"
            if ((readers >= want_readers && cards >= want_cards)); then
                return 0
            fi
        fi
        sleep 0.1
    done
    say "timed out waiting for $want_readers readers and $want_cards cards (saw: ${seen:-nothing})" >&2
    return 1
}

# Closes every descriptor above 2 in the current (sub)shell, so that a daemon started from it
# holds none of the caller's pipes open.
close_inherited_fds() {
    local fd
    for fd in /proc/$BASHPID/fd/*; do
        fd=${fd##*/}
        if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
}

# Polls (bounded) until pcscd reports exactly $1 cards: pcscd notices a removal a moment later.
wait_for_exactly() {
    local want=$1 seen="" i
    for ((i = 0; i < 100; i++)); do
        seen=$(probe)
        read -r _ cards <<<"${seen:-0 0}"
        if ((cards == want)); then return 0; fi
        sleep 0.1
    done
    say "timed out waiting for $want cards (saw: ${seen:-nothing})" >&2
    return 1
}

# Whether the pcscd this script started runs.
own_pcscd_running() { alive "$state/pcscd.pid"; }

# Whether some pcscd answers on the socket (bounded: a frozen pcscd does not answer).
pcscd_answers() {
    [[ -S $socket ]] && timeout 5 /usr/bin/python3 "$here/pcsc_probe.py" >/dev/null 2>&1
}

start_pcscd() {
    local config=()
    if [[ "${1:-}" == "--no-readers" ]]; then
        mkdir -p "$state/no-readers.d"
        config=(--config "$state/no-readers.d")
    fi
    if own_pcscd_running; then
        say "pcscd already running (pid $(cat "$state/pcscd.pid")), using it"
        return
    fi
    if pcscd_answers; then
        say "a pcscd this script did not start answers on $socket; using it"
        return
    fi
    rm -f "$socket"
    mkdir -p /run/pcscd
    # env --default-signal: a caller that ignores SIGTERM must not pass that on to the daemon.
    (close_inherited_fds; exec env --default-signal pcscd --foreground "${config[@]}") </dev/null >"$state/pcscd.log" 2>&1 &
    echo $! >"$state/pcscd.pid"
    say "started pcscd (pid $!)"
}

# The card to start in reader $1: the iso7816 vicc, or the T=0 card with its options when
# `card-insert N --t0` put it there (recorded in vicc-N.kind).
card_command() {
    local kind="$state/vicc-$1.kind" options=()
    if [[ -f $kind ]]; then
        read -r -a options <"$kind"
        echo /usr/bin/python3 "$here/t0card.py" -H localhost -P "${ports[$1]}" "${options[@]}"
    else
        echo /usr/bin/python3 /usr/bin/vicc -t iso7816 -H localhost -P "${ports[$1]}"
    fi
}

# " (T=0 card ...)" when reader $1 gets the T=0 card, else nothing.
card_kind() {
    if [[ -f "$state/vicc-$1.kind" ]]; then
        local options
        options=$(cat "$state/vicc-$1.kind")
        echo " (T=0 card${options:+ $options})"
    fi
}

start_card() {
    local n=$1 pidfile="$state/vicc-$1.pid" pid
    if alive "$pidfile"; then
        say "card $n already running (pid $(cat "$pidfile"))"
        return
    fi
    local command
    read -r -a command <<<"$(card_command "$n")"
    (
        close_inherited_fds
        PYTHONPATH="$shim_dir:$vicc_pkg${PYTHONPATH:+:$PYTHONPATH}" \
            exec env --default-signal "${command[@]}"
    ) </dev/null >"$state/vicc-$n.log" 2>&1 &
    echo $! >"$pidfile"
    say "started card $n on port ${ports[$n]} (pid $!)$(card_kind "$n")"
}

stop_pid() {
    local pidfile=$1 what=$2 pid i
    if alive "$pidfile"; then
        pid=$(cat "$pidfile")
        kill "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            running "$pid" || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
        say "stopped $what (pid $pid)"
    fi
    rm -f "$pidfile"
}

running_cards() {
    local n count=0
    for n in 0 1; do
        if alive "$state/vicc-$n.pid"; then count=$((count + 1)); fi
    done
    echo "$count"
}

cmd=${1:-status}
case "$cmd" in
start)
    if [[ ! -e "$shim_dir/sitecustomize.py" ]]; then
        say "vicc shim missing; run scripts/setup.sh first" >&2
        exit 1
    fi
    start_pcscd
    wait_for 2 0
    start_card 0
    start_card 1
    wait_for 2 2
    say "ready: $(probe | awk '{print $1 " readers, " $2 " cards"}')"
    ;;
stop)
    rm -f "$state/vicc-0.kind" "$state/vicc-1.kind"
    stop_pid "$state/vicc-0.pid" "card 0"
    stop_pid "$state/vicc-1.pid" "card 1"
    stop_pid "$state/pcscd.pid" "pcscd"
    ;;
status)
    for n in 0 1; do
        if alive "$state/vicc-$n.pid"; then say "card $n: running (pid $(cat "$state/vicc-$n.pid"))$(card_kind "$n")"; else say "card $n: stopped"; fi
    done
    if own_pcscd_running; then
        say "pcscd: running (pid $(cat "$state/pcscd.pid"))"
    elif pcscd_answers; then
        say "pcscd: running (not started by this script)"
    else
        say "pcscd: not running"
    fi
    if [[ -S $socket ]]; then say "pcscd sees: $(probe | awk '{print $1 " readers, " $2 " cards"}')"; fi
    ;;
card-remove)
    n=${2:?card number 0 or 1}
    rm -f "$state/vicc-$n.kind"
    stop_pid "$state/vicc-$n.pid" "card $n"
    wait_for_exactly "$(running_cards)"
    ;;
card-insert)
    n=${2:?card number 0 or 1}
    shift 2
    if (($#)); then
        if [[ "$1" != "--t0" ]]; then
            echo "usage: $0 card-insert N [--t0 [--mute] [--delayed-ack]]" >&2
            exit 2
        fi
        shift
        for option in "$@"; do
            case "$option" in
            --mute | --delayed-ack) ;;
            *)
                echo "usage: $0 card-insert N [--t0 [--mute] [--delayed-ack]]" >&2
                exit 2
                ;;
            esac
        done
        if alive "$state/vicc-$n.pid"; then
            say "card $n already running (pid $(cat "$state/vicc-$n.pid")): card-remove $n first" >&2
            exit 1
        fi
        echo "$*" >"$state/vicc-$n.kind"
    fi
    start_card "$n"
    wait_for 2 "$(running_cards)"
    ;;
pcscd-stop)
    touch "$state/cards.resume"
    for n in 0 1; do
        if alive "$state/vicc-$n.pid" && ! grep -qx "$n" "$state/cards.resume"; then
            echo "$n" >>"$state/cards.resume"
        fi
    done
    if own_pcscd_running; then
        stop_pid "$state/pcscd.pid" "pcscd"
    elif pcscd_answers; then
        say "the running pcscd was not started by this script; it is left alone" >&2
        exit 1
    fi
    # The cards lose their reader with pcscd; stop whatever is left of them.
    for n in 0 1; do stop_pid "$state/vicc-$n.pid" "card $n"; done
    ;;
pcscd-start)
    if [[ "${2:-}" == "--no-readers" ]]; then
        start_pcscd --no-readers
        for ((i = 0; i < 100; i++)); do [[ -S $socket ]] && break; sleep 0.1; done
        [[ -S $socket ]] || { say "pcscd did not come up" >&2; exit 1; }
        exit 0
    fi
    start_pcscd
    wait_for 2 0
    if [[ -f "$state/cards.resume" ]]; then
        while read -r n; do start_card "$n"; done <"$state/cards.resume"
        rm -f "$state/cards.resume"
    fi
    wait_for 2 "$(running_cards)"
    ;;
*)
    echo "usage: $0 start|stop|status|card-remove N|card-insert N [--t0 [--mute] [--delayed-ack]]|pcscd-stop|pcscd-start" >&2
    exit 2
    ;;
esac
