#!/usr/bin/env bash
# Installs what scard needs from Debian, idempotently: pcscd, libpcsclite-dev, the vsmartcard
# virtual reader (vpcd) and virtual card (vicc), and the Python pieces vicc imports.
# With --peers it also installs the tools the benchmark compares against.
set -euo pipefail

packages=(pcscd libpcsclite-dev pkg-config vsmartcard-vpcd vsmartcard-vpicc util-linux iproute2
          python3-virtualsmartcard python3-pycryptodome man-db perl libedit-dev
          python3-jsonschema mandoc jq)
# pcsc-tools: scriptor and the card-name database (smartcard_list.txt), which the tests compare against.
packages+=(pcsc-tools)
if [[ "${1:-}" == "--peers" ]]; then
    packages+=(opensc python3-pyscard hyperfine valgrind bc)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    sudo_cmd=()
    if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    # pcscd's package scripts try to start the service; without systemd that step is harmless.
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "setup: all packages present"
fi

# vicc imports PyCrypto's module name `Crypto`; Debian ships pycryptodome as `Cryptodome`.
# A private folder with a `Crypto` link, put on vicc's PYTHONPATH by virtual-reader.sh, bridges it.
shim_dir="${SCARD_VICC_SHIM:-/var/lib/scard/vicc-python}"
mkdir -p "$shim_dir"
if [[ ! -e "$shim_dir/Crypto" ]]; then
    ln -sfn /usr/lib/python3/dist-packages/Cryptodome "$shim_dir/Crypto"
fi
# TCP_QUICKACK on vicc's socket around every recv: without it each APDU waits for a delayed ACK (~48 ms).
cat > "$shim_dir/sitecustomize.py" <<'EOF'
import socket

_recv = socket.socket.recv


def _quickack_recv(self, *args, **kwargs):
    try:
        self.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
    except OSError:
        pass
    data = _recv(self, *args, **kwargs)
    try:
        self.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
    except OSError:
        pass
    return data


socket.socket.recv = _quickack_recv
EOF
echo "setup: vicc shim ready in $shim_dir"
