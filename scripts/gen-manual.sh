#!/usr/bin/env bash
# Regenerates Docs/scard.1, scard's man page, from the commands' own help with
# swift-argument-parser's GenerateManual plugin (`swift package plugin generate-manual`).
# Run it after changing any command's abstract, discussion, options or help text, and commit the
# page with that change. The page is never edited by hand.
#
#   scripts/gen-manual.sh            writes Docs/scard.1
#   scripts/gen-manual.sh --check    exits 1 when Docs/scard.1 differs from what it would write
#
# The page passes `mandoc -T lint -W warning` (no warning or error); ManPageTests checks that.
#
# The plugin builds the package first (this needs libpcsclite-dev: scripts/setup.sh installs it).
# It builds in debug mode, since the page comes from `scard --experimental-dump-help`, which is the
# same in every configuration.
#
# The date in the page is the date of the last commit that changed Sources/scard, so the same
# sources always give the same page; SCARD_MANUAL_DATE=YYYY-MM-DD overrides it.
# SCARD_SCRATCH_PATH=DIR builds in DIR instead of SwiftPM's .build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

check=""
case "${1:-}" in
"") ;;
--check) check=1 ;;
*)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac

date="${SCARD_MANUAL_DATE:-}"
if [[ -z "$date" ]]; then
    date="$(git log -1 --format=%cs -- Sources/scard 2>/dev/null || true)"
fi
if [[ -z "$date" ]]; then
    echo "gen-manual: no git history for Sources/scard; set SCARD_MANUAL_DATE=YYYY-MM-DD" >&2
    exit 1
fi

scratch="${SCARD_SCRATCH_PATH:-.build}"
output="$scratch/plugins/GenerateManual/outputs/scard/scard.1"
rm -f "$output"

echo "gen-manual: running the GenerateManual plugin (date $date)"
swift package --scratch-path "$scratch" plugin generate-manual --configuration debug --date "$date"

if [[ ! -s "$output" ]]; then
    echo "gen-manual: the plugin wrote no page at $output" >&2
    exit 1
fi

# The plugin copies each discussion's blank lines into the page as they are; groff warns about
# every one ("Empty input line"). `.Pp`, mdoc's paragraph break, renders the same without a warning,
# except right before a list item, where mdoc skips it (and says so): those are dropped. A text line
# holding several sentences is split after each, as mdoc asks ("new sentence, new line").
# The plugin's own EXIT STATUS (".Ex -std": 0 or >0) is replaced by the sections scard generates
# from its own tables (`scard manual-sections`: ENVIRONMENT, FILES, EXIT STATUS from ExitStatus,
# EXAMPLES, SEE ALSO); that command is hidden from help, and so from the page.
page="$(mktemp)"
trap 'rm -f "$page"' EXIT
binary="$(swift build --scratch-path "$scratch" --configuration debug --show-bin-path)/scard"
{
    sed 's/^$/.Pp/' "$output" |
        awk '/^\.Sh "EXIT STATUS"$/ { exit }
             $0 == ".It Em manual-sections" { hidden = 1; depth = 0; next }
             hidden { if ($0 ~ /^\.Bl/) depth++; if ($0 == ".El" && --depth == 0) hidden = 0; next }
             { lines[n++] = $0 } END {
                 for (i = 0; i < n; i++) if (!(lines[i] == ".Pp" && (lines[i + 1] ~ /^\.It/ || lines[i + 1] ~ /^\.Sh/ || lines[i + 1] == ".Pp"))) print lines[i]
             }' |
        sed -e '/^\./! s/\([A-Za-z0-9)][.!?]\) \([A-Z(`$]\)/\1\n\2/g' -e "s/^'/\\\\\&'/"
    "$binary" manual-sections
} >"$page"

if [[ -n "$check" ]]; then
    if cmp -s "$page" Docs/scard.1; then
        echo "gen-manual: Docs/scard.1 is up to date"
        exit 0
    fi
    echo "gen-manual: Docs/scard.1 is out of date; run scripts/gen-manual.sh and commit it" >&2
    diff -u Docs/scard.1 "$page" >&2 || true
    exit 1
fi
cat "$page" >Docs/scard.1
echo "gen-manual: wrote Docs/scard.1"
