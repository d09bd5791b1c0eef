#!/usr/bin/env bash
# The main job: installs what is missing, builds scard (release), starts the virtual reader when
# no reader holds a card, then lists the readers and walks a context's lifecycle.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/setup.sh

echo "demo: building scard (release)"
bash scripts/build-release.sh --product scard
scard="$(bash scripts/build-release.sh --show-bin-path)/scard"

started=""
cards=$(/usr/bin/python3 scripts/pcsc_probe.py 2>/dev/null | awk '{print $2}' || true)
if [[ -z "$cards" || "$cards" == "0" ]]; then
    echo "demo: no reader with a card; starting the virtual reader"
    bash scripts/virtual-reader.sh start
    started=1
fi
cleanup() { if [[ -n "$started" ]]; then bash scripts/virtual-reader.sh stop; fi; }
trap cleanup EXIT

echo
echo "\$ scard list-readers"
"$scard" list-readers
echo
echo "\$ scard lifecycle"
"$scard" lifecycle
