#!/usr/bin/env bash
# Removes what scripts/install.sh installed, and nothing else:
#
#   scripts/uninstall.sh [PREFIX]        PREFIX defaults to /usr/local; DESTDIR is honoured as there
#
# Only the five files are removed (binary, man page, three completion scripts); folders stay,
# since other tools may use them. A file already gone is not an error.
set -euo pipefail

prefix="${1:-/usr/local}"
if [[ $# -gt 1 ]]; then
    echo "usage: $0 [PREFIX]" >&2
    exit 2
fi
if [[ "$prefix" != /* ]]; then
    echo "uninstall: PREFIX must be an absolute path, not '$prefix'" >&2
    exit 2
fi
dest="${DESTDIR:-}$prefix"

files=(
    "$dest/bin/scard"
    "$dest/share/man/man1/scard.1"
    "$dest/share/bash-completion/completions/scard"
    "$dest/share/zsh/site-functions/_scard"
    "$dest/share/fish/vendor_completions.d/scard.fish"
)
for file in "${files[@]}"; do
    if [[ -e "$file" || -L "$file" ]]; then
        rm -f "$file"
        echo "uninstall: removed $file"
    else
        echo "uninstall: $file was not there"
    fi
done
