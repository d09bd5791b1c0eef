#!/usr/bin/python3
"""Reads a valgrind memcheck log or a LeakSanitizer report and sorts its leak records into the
project's and everyone else's.

    leak_report.py SOURCES_DIR LOG

A record counts as the project's when it is "definitely lost" or "indirectly lost" and one of its
stack frames lies in the project's code: a Swift symbol of one of the project's modules, or a line
of a file under SOURCES_DIR. Prints one summary line, then each record of the project's in full,
and exits 1 when there is at least one. "Possibly lost" and "still reachable" blocks (the Swift
runtime's metadata caches, libpcsclite's static state) are counted but do not fail the check.
"""
import os
import re
import sys

MODULES = ("scard", "ContextCore", "PCSC", "APDUScript", "ScenarioKit", "CryptoAPISim",
           "FilterManagerSim", "RPCSim")
MANGLED = re.compile(r"\$s(?:%s)" % "|".join(f"{len(m)}{m}" for m in MODULES))
DEMANGLED = re.compile(r"\b(?:%s)\." % "|".join(MODULES))
PREFIX = re.compile(r"^==\d+== ?")
SUMMARY = re.compile(r"^==\d+==\s+(definitely lost|indirectly lost|possibly lost|still reachable):"
                     r" ([\d,]+) bytes in ([\d,]+) blocks")


def source_files(root: str) -> set:
    """The basenames of every Swift file under the project's Sources folder."""
    names = set()
    for _, _, files in os.walk(root):
        names.update(f for f in files if f.endswith(".swift"))
    return names


def records(lines):
    """Yields (header, frames) for every loss record in the log (valgrind or LeakSanitizer)."""
    header, frames = None, []
    for line in lines:
        text = PREFIX.sub("", line.rstrip("\n"))
        if re.search(r"bytes in [\d,]+ blocks? are (definitely|indirectly|possibly) lost", text) \
                or re.match(r"(Direct|Indirect) leak of \d+ byte", text):
            if header:
                yield header, frames
            header, frames = text, []
        elif header and re.match(r"\s+((at|by) 0x|#\d+ 0x)", text):
            frames.append(text.strip())
        elif header and not text.strip():
            yield header, frames
            header, frames = None, []
    if header:
        yield header, frames


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: leak_report.py SOURCES_DIR LOG", file=sys.stderr)
        return 2
    sources = source_files(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8", errors="replace") as log:
        lines = log.readlines()
    totals = {}
    for line in lines:
        match = SUMMARY.match(line)
        if match:
            totals[match.group(1)] = (match.group(2), match.group(3))

    def ours(frame: str) -> bool:
        if MANGLED.search(frame) or DEMANGLED.search(frame):
            return True
        located = re.search(r"\(([^():]+\.swift):\d+\)", frame)
        return bool(located and located.group(1) in sources)

    project, other = [], 0
    for header, frames in records(lines):
        if "possibly lost" in header:
            continue
        if any(ours(f) for f in frames):
            project.append((header, frames))
        else:
            other += 1
    parts = [f"{kind} {totals[kind][0]} bytes in {totals[kind][1]} blocks"
             for kind in ("definitely lost", "indirectly lost", "possibly lost", "still reachable")
             if kind in totals]
    if not lines:
        summary = "empty report: LeakSanitizer found no leak (it writes a report only for leaks)"
    elif parts:
        summary = "; ".join(parts)
    else:
        summary = "no leaks possible (all heap blocks freed)"
    lsan = [h for h, _ in records(lines) if "leak of" in h]
    if lsan or any("AddressSanitizer" in line or "LeakSanitizer" in line for line in lines):
        def total(kind):
            sizes = [int(re.search(r"of (\d+)", h).group(1)) for h in lsan if h.startswith(kind)]
            return f"{kind.lower()} {sum(sizes)} bytes in {len(sizes)} record(s)"
        summary = "LeakSanitizer: " + ", ".join([total("Direct"), total("Indirect")])
    print(f"project leaks: {len(project)} record(s); other definite/indirect records: {other}; {summary}")
    for header, frames in project:
        print("  " + header)
        for frame in frames:
            print("    " + frame)
    return 1 if project else 0


if __name__ == "__main__":
    sys.exit(main())
