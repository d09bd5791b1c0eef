#!/usr/bin/python3
"""Connects to a PC/SC reader with SCARD_SHARE_EXCLUSIVE and holds the card until killed.

    exclusive_holder.py READER [SECONDS]

Prints `holding READER` on standard output once the exclusive connection is made, then waits
(at most SECONDS, default 60, so a forgotten holder never lingers), disconnects and releases its
context. SIGTERM and SIGINT end the wait the same way. Exits 2 when the connection fails, printing
the PC/SC code. Used by the fault tests to hold a card from a process other than scard; it talks to
libpcsclite through ctypes, like pcsc_probe.py.
"""
import ctypes
import signal
import sys
import threading

SCARD_S_SUCCESS = 0
SCARD_SCOPE_SYSTEM = 2
SCARD_SHARE_EXCLUSIVE = 1
SCARD_PROTOCOL_T0 = 1
SCARD_PROTOCOL_T1 = 2
SCARD_LEAVE_CARD = 0

DWORD = ctypes.c_ulong
LONG = ctypes.c_long


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print("usage: exclusive_holder.py READER [SECONDS]", file=sys.stderr)
        return 2
    reader = sys.argv[1].encode()
    seconds = float(sys.argv[2]) if len(sys.argv) == 3 else 60.0
    done = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: done.set())
    # A parent that blocks these signals (a test runner) passes its mask on: unblock them.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

    lib = ctypes.CDLL("libpcsclite.so.1")
    for name in ("SCardEstablishContext", "SCardConnect", "SCardDisconnect", "SCardReleaseContext"):
        getattr(lib, name).restype = LONG
    context = LONG(0)
    rv = lib.SCardEstablishContext(DWORD(SCARD_SCOPE_SYSTEM), None, None, ctypes.byref(context))
    if rv != SCARD_S_SUCCESS:
        print(f"SCardEstablishContext failed: 0x{rv & 0xFFFFFFFF:08X}", file=sys.stderr)
        return 2
    card = LONG(0)
    active = DWORD(0)
    rv = lib.SCardConnect(context, reader, DWORD(SCARD_SHARE_EXCLUSIVE),
                          DWORD(SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1), ctypes.byref(card),
                          ctypes.byref(active))
    if rv != SCARD_S_SUCCESS:
        print(f"SCardConnect failed: 0x{rv & 0xFFFFFFFF:08X}", file=sys.stderr)
        lib.SCardReleaseContext(context)
        return 2
    print(f"holding {sys.argv[1]}", flush=True)
    done.wait(seconds)
    lib.SCardDisconnect(card, DWORD(SCARD_LEAVE_CARD))
    lib.SCardReleaseContext(context)
    return 0


if __name__ == "__main__":
    sys.exit(main())
