#!/usr/bin/env bash
# Runs a command with a private PC/SC stack: in its own mount, network and pid namespace, with a
# tmpfs on /run/pcscd (its own pcscd socket), its own loopback (its own vpcd ports) and its own state
# folder, so that the pcscd and cards started inside can be stopped, frozen or killed without
# touching any other pcscd or card on the machine. Everything started inside ends with the command.
#
#   sandbox.sh check           exits 0 when a private namespace can be made here; else prints why, exits 1
#   sandbox.sh run COMMAND...  runs COMMAND inside, with SCARD_PRIVATE_READER=1 and its own SCARD_VR_STATE
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
namespace=(unshare --mount --net --pid --fork --mount-proc --propagation private)

case "${1:-}" in
check)
    if ! command -v unshare >/dev/null || ! command -v ip >/dev/null; then
        echo "sandbox: unshare or ip is missing (util-linux, iproute2)"
        exit 1
    fi
    if ! reason=$("${namespace[@]}" bash -c 'mkdir -p /run/pcscd && mount -t tmpfs tmpfs /run/pcscd && ip link set lo up' 2>&1); then
        echo "sandbox: cannot make a private mount, network and pid namespace here: ${reason:-refused}"
        exit 1
    fi
    ;;
run)
    shift
    (($#)) || { echo "usage: $0 run COMMAND..." >&2; exit 2; }
    exec "${namespace[@]}" bash "$here/sandbox.sh" inside "$@"
    ;;
inside)
    # Process 1 of the new pid namespace: when it ends, everything started inside ends with it.
    shift
    mkdir -p /run/pcscd
    mount -t tmpfs -o mode=0755 tmpfs /run/pcscd
    ip link set lo up
    state=$(mktemp -d "${TMPDIR:-/tmp}/scard-sandbox.XXXXXX")
    trap 'rm -rf "$state"' EXIT
    status=0
    SCARD_PRIVATE_READER=1 SCARD_VR_STATE="$state" "$@" || status=$?
    exit "$status"
    ;;
*)
    echo "usage: $0 check | run COMMAND..." >&2
    exit 2
    ;;
esac
