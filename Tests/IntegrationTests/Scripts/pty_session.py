#!/usr/bin/python3
"""Drives a program through a pseudo-terminal, as a person at a terminal would, for the shell tests.

    pty_session.py PROGRAM [ARGUMENTS...] < steps.json

steps.json is a list of steps, each {"send": TEXT, "until": REGEX, "timeout": SECONDS}: TEXT is
written to the terminal (\\r for Enter, \\u0003 for Ctrl-C, \\u0004 for Ctrl-D, \\u001b[A for up),
then the output is read until it matches REGEX (searched in what this step read) or the timeout
passes. A step may also be {"signal": NAME, "pidfile": PATH} to send SIGSTOP or SIGCONT to the
process whose pid is in PATH (a virtual card), or {"sleep": SECONDS}. Prints one JSON object:
{"steps": [{"output": TEXT, "seconds": S, "matched": BOOL}], "rest": TEXT, "exit": CODE}, the exit
code being the program's (or -1 when it had to be killed after the last step).
"""
import json
import os
import pty
import re
import select
import signal
import sys
import time


def read_until(fd, pattern, timeout):
    """Reads until `pattern` matches what was read, the timeout passes or the terminal closes."""
    out = b""
    start = time.monotonic()
    regex = re.compile(pattern) if pattern else None
    while time.monotonic() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if regex and regex.search(out.decode("utf-8", "replace")):
                return out, time.monotonic() - start, True
    return out, time.monotonic() - start, regex is None


def main():
    steps = json.load(sys.stdin)
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(sys.argv[1], sys.argv[1:])
    results = []
    for step in steps:
        if "sleep" in step:
            time.sleep(step["sleep"])
            continue
        if "signal" in step:
            with open(step["pidfile"], encoding="utf-8") as f:
                os.kill(int(f.read().strip()), getattr(signal, step["signal"]))
            continue
        os.write(fd, step.get("send", "").encode())
        out, seconds, matched = read_until(fd, step.get("until"), step.get("timeout", 10))
        results.append({"output": out.decode("utf-8", "replace"), "seconds": seconds, "matched": matched})
    rest, _, _ = read_until(fd, None, 3)
    code = -1
    for _ in range(100):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    print(json.dumps({"steps": results, "rest": rest.decode("utf-8", "replace"), "exit": code}))


if __name__ == "__main__":
    main()
