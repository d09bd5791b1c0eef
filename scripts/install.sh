#!/usr/bin/env bash
# Installs scard like any other tool: the binary, the man page and the shell completions.
#
#   scripts/install.sh [PREFIX]          PREFIX defaults to /usr/local
#
# Builds scard in release mode first (this needs libpcsclite-dev: scripts/setup.sh installs it),
# then installs exactly these files, which scripts/uninstall.sh removes again:
#
#   PREFIX/bin/scard
#   PREFIX/share/man/man1/scard.1                      (Docs/scard.1, made by scripts/gen-manual.sh)
#   PREFIX/share/bash-completion/completions/scard
#   PREFIX/share/zsh/site-functions/_scard
#   PREFIX/share/fish/vendor_completions.d/scard.fish
#
# The completion scripts are written by the installed binary (`scard --generate-completion-script`).
#
# Environment:
#   SCARD_BINARY=PATH       install this scard binary instead of building one (no build at all);
#                           for a binary built already, e.g. `scripts/build-release.sh --product scard` as a user
#                           before `sudo SCARD_BINARY=... scripts/install.sh`
#   SCARD_SCRATCH_PATH=DIR  the build folder of the release build (default: SwiftPM's .build)
#   DESTDIR=DIR             stage the files under DIR (as packagers do); PREFIX stays the prefix
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${1:-/usr/local}"
if [[ $# -gt 1 ]]; then
    echo "usage: $0 [PREFIX]" >&2
    exit 2
fi
if [[ "$prefix" != /* ]]; then
    echo "install: PREFIX must be an absolute path, not '$prefix'" >&2
    exit 2
fi
dest="${DESTDIR:-}$prefix"

say() { echo "install: $*"; }

binary="${SCARD_BINARY:-}"
if [[ -z "$binary" ]]; then
    if ! pkg-config --exists libpcsclite 2>/dev/null; then
        echo "install: libpcsclite-dev is missing (pkg-config libpcsclite): run scripts/setup.sh first" >&2
        exit 1
    fi
    scratch=()
    if [[ -n "${SCARD_SCRATCH_PATH:-}" ]]; then scratch=(--scratch-path "$SCARD_SCRATCH_PATH"); fi
    say "building scard (release)"
    bash "$root/scripts/build-release.sh" --product scard "${scratch[@]}"
    binary="$(bash "$root/scripts/build-release.sh" "${scratch[@]}" --show-bin-path)/scard"
fi
if [[ ! -x "$binary" ]]; then
    echo "install: no scard binary at $binary" >&2
    exit 1
fi
if [[ ! -f "$root/Docs/scard.1" ]]; then
    echo "install: Docs/scard.1 is missing: run scripts/gen-manual.sh" >&2
    exit 1
fi

put() { # mode source target
    install -D -m "$1" "$2" "$3"
    say "installed $3"
}

put 755 "$binary" "$dest/bin/scard"
put 644 "$root/Docs/scard.1" "$dest/share/man/man1/scard.1"

# Each completion script is written to a temporary file first, so a failure leaves nothing half-written.
completions="$(mktemp -d)"
trap 'rm -rf "$completions"' EXIT
for shell in bash zsh fish; do
    "$dest/bin/scard" --generate-completion-script "$shell" >"$completions/$shell"
done
put 644 "$completions/bash" "$dest/share/bash-completion/completions/scard"
put 644 "$completions/zsh" "$dest/share/zsh/site-functions/_scard"
put 644 "$completions/fish" "$dest/share/fish/vendor_completions.d/scard.fish"

say "done: $("$dest/bin/scard" --version) in $prefix (remove with scripts/uninstall.sh $prefix)"
