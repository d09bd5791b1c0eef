#!/usr/bin/env bash
# Starts the virtual reader, runs the already built test suite against it (arguments go to
# `swift test`), and stops what it started. scripts/test.sh runs it, inside scripts/sandbox.sh when it can.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

cleanup() { bash scripts/virtual-reader.sh stop || true; }
trap cleanup EXIT
bash scripts/virtual-reader.sh start

echo "test: running the suite"
SCARD_VIRTUAL_READER=1 SCARD_PROJECT_ROOT="$root" swift test --skip-build "$@"
