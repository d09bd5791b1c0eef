# Sourced by scripts that need the virtual reader (with $root set to the project's root): starts it
# when pcscd does not answer at all (the probe exits 2), and then stops it on exit. A reader
# someone else runs, whatever its cards, is used as it is and left running.
started_reader=0
if ! /usr/bin/python3 "$root/scripts/pcsc_probe.py" >/dev/null; then
    bash "$root/scripts/virtual-reader.sh" start
    started_reader=1
fi
stop_started_reader() { if ((started_reader)); then bash "$root/scripts/virtual-reader.sh" stop || true; fi; }
trap stop_started_reader EXIT
