#!/usr/bin/env bash
# Builds scard as it ships: release, the Swift runtime linked statically, and every Swift module
# (the dependencies too) optimised for size, so the stripped binary stays under 20 MB. Takes the
# options of `swift build`; every script that builds the release binary goes through here, so they
# share one build.
#
#   scripts/build-release.sh --product scard
#   scripts/build-release.sh --show-bin-path      the folder the binary is in
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec swift build -c release --static-swift-stdlib -Xswiftc -Osize "$@"
