#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, starts the virtual reader, runs
# `swift test` (unit, simulator, command-line and integration tests), and always stops what it started.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/setup.sh

cleanup() { bash scripts/virtual-reader.sh stop || true; }
trap cleanup EXIT

bash scripts/virtual-reader.sh start

echo "test: building"
swift build --build-tests
echo "test: running the suite"
SCARD_VIRTUAL_READER=1 SCARD_PROJECT_ROOT="$root" swift test --skip-build "$@"
