#!/usr/bin/python3
"""Prints how many PC/SC readers pcscd exposes and how many hold a card, as `READERS CARDS`.

Used by virtual-reader.sh to poll for readiness before scard itself is built. It talks to
libpcsclite through ctypes, so it needs nothing beyond Debian's python3 and libpcsclite1.
Exits 2 when pcscd does not answer.
"""
import ctypes
import sys

SCARD_S_SUCCESS = 0
SCARD_SCOPE_SYSTEM = 2
SCARD_STATE_UNAWARE = 0
SCARD_STATE_PRESENT = 0x20
SCARD_E_NO_READERS_AVAILABLE = 0x8010002E
MAX_ATR_SIZE = 33

DWORD = ctypes.c_ulong
LONG = ctypes.c_long


class ReaderState(ctypes.Structure):
    _fields_ = [
        ("szReader", ctypes.c_char_p),
        ("pvUserData", ctypes.c_void_p),
        ("dwCurrentState", DWORD),
        ("dwEventState", DWORD),
        ("cbAtr", DWORD),
        ("rgbAtr", ctypes.c_ubyte * MAX_ATR_SIZE),
    ]


def main() -> int:
    lib = ctypes.CDLL("libpcsclite.so.1")
    for name in ("SCardEstablishContext", "SCardListReaders", "SCardGetStatusChange",
                 "SCardReleaseContext"):
        getattr(lib, name).restype = LONG
    context = LONG(0)
    rv = lib.SCardEstablishContext(DWORD(SCARD_SCOPE_SYSTEM), None, None, ctypes.byref(context))
    if rv != SCARD_S_SUCCESS:
        print("0 0")
        return 2
    try:
        size = DWORD(0)
        rv = lib.SCardListReaders(context, None, None, ctypes.byref(size))
        if rv & 0xFFFFFFFF == SCARD_E_NO_READERS_AVAILABLE or size.value <= 1:
            print("0 0")
            return 0
        buffer = ctypes.create_string_buffer(size.value)
        rv = lib.SCardListReaders(context, None, buffer, ctypes.byref(size))
        if rv != SCARD_S_SUCCESS:
            print("0 0")
            return 0
        names = [n for n in buffer.raw[: size.value].split(b"\0") if n]
        states = (ReaderState * len(names))()
        for state, name in zip(states, names):
            state.szReader = name
            state.dwCurrentState = SCARD_STATE_UNAWARE
        rv = lib.SCardGetStatusChange(context, DWORD(0), states, DWORD(len(names)))
        cards = sum(1 for s in states if s.dwEventState & SCARD_STATE_PRESENT)
        print(f"{len(names)} {cards}")
        return 0
    finally:
        lib.SCardReleaseContext(context)


if __name__ == "__main__":
    sys.exit(main())
