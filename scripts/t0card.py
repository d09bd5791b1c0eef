#!/usr/bin/python3
"""A small scripted T=0 card for the virtual reader, in vsmartcard's vicc framework.

It answers the way T=0 cards do, so that scard's handling of procedure answers can be seen and
tested: a command whose answer has data gets `61 xx` (the data waits for GET RESPONSE), and a
command sent with the wrong Le gets `6C xx` (send it again with Le = xx).

Commands (any CLA with the low bits 0-3, the INS decides):
  SELECT 00 A4 04 00 Lc AID [Le]   61 xx, then GET RESPONSE gives the FCI (6F .. 84 AID A5 ..) and 90 00
  SELECT 00 A4 00 0C 02 3F 00      90 00 (select the MF, nothing to fetch)
  GET RESPONSE 00 C0 00 00 Le      the waiting data: Le bytes and 61 xx while more waits,
                                   6C xx when Le is more than what waits, 69 85 when nothing waits
  READ BINARY 00 B0 00 00 Le       6C 10 unless Le = 10, then the 16 bytes 00 01 .. 0F and 90 00
  GET DATA 00 CA 01 00 00          61 00, then 300 bytes (00 01 .. FF 00 .. 2B) over two GET RESPONSEs
  PUT DATA 00 DA 00 00 01 XX       90 00: the card keeps XX in a one-byte register (00 at reset)
  GET DATA 00 CA 02 00 01          the register and 90 00 (6C 01 for another Le): a check that no
                                   other client wrote it in between, for transaction tests
  GET CHALLENGE 00 84 00 00 Le     Le random bytes and 90 00 (6C 08 when Le = 00)
  anything else                    6D 00 (6E 00 for a CLA it does not know)

The ATR is 3B 06 54 30 43 41 52 44: T=0 only, historical bytes "T0CARD".

Options:
  --mute           answer reset but never a command: every command gets only the NULL procedure
                   byte 60, never a status word, which the reader passes on as a 1-byte answer (a
                   card present but not answering; an empty answer would stall vpcd instead)
  --delayed-ack    do not ask for TCP quick ACKs on the reader's socket (vicc without scard's
                   sitecustomize shim): every exchange then waits for the kernel's delayed ACK

Usage: PYTHONPATH=SHIM:VIRTUALSMARTCARD t0card.py -H localhost -P 35964 [--mute] [--delayed-ack]
(scripts/virtual-reader.sh card-insert N --t0 starts it that way).
"""
import argparse
import atexit
import os
import socket
import sys

from virtualsmartcard.VirtualSmartcard import SmartcardOS, VirtualICC

ATR = bytes.fromhex("3B06543043415244")
FILE_CONTENT = bytes(range(16))
LARGE_OBJECT = bytes(i % 256 for i in range(300))


def status(sw1, sw2):
    """A status word as bytes."""
    return bytes([sw1, sw2])


class T0CardOS(SmartcardOS):
    """The card's behaviour: one method per instruction, T=0 procedure answers included."""

    def __init__(self, mute=False):
        self.mute = mute
        self.waiting = b""
        self.register = 0

    def getATR(self):
        return ATR

    def powerUp(self):
        self.waiting = b""
        self.register = 0

    def powerDown(self):
        self.waiting = b""

    def reset(self):
        self.waiting = b""
        self.register = 0

    def execute(self, msg):
        if self.mute:
            return bytes([0x60])
        if len(msg) < 4:
            return status(0x67, 0x00)
        cla, ins, p1, p2 = msg[0], msg[1], msg[2], msg[3]
        body = msg[4:]
        if cla & 0xFC != 0x00:
            self.waiting = b""
            return status(0x6E, 0x00)
        if ins == 0xC0:
            return self.get_response(body)
        self.waiting = b""
        if ins == 0xA4:
            return self.select(p1, p2, body)
        if ins == 0xB0:
            return self.read_binary(p1, p2, body)
        if ins == 0xCA:
            return self.get_data(p1, p2, body)
        if ins == 0xDA:
            return self.put_data(p1, p2, body)
        if ins == 0x84:
            return self.get_challenge(body)
        return status(0x6D, 0x00)

    def announce(self, data):
        """Keeps `data` for GET RESPONSE and answers 61 xx (00 when 256 bytes or more wait)."""
        self.waiting = data
        return status(0x61, min(len(data), 256) % 256)

    def get_response(self, body):
        if not self.waiting:
            return status(0x69, 0x85)
        if len(body) != 1:
            return status(0x67, 0x00)
        le = body[0] or 256
        if le > len(self.waiting):
            return status(0x6C, len(self.waiting) % 256)
        data, self.waiting = self.waiting[:le], self.waiting[le:]
        if self.waiting:
            return data + status(0x61, min(len(self.waiting), 256) % 256)
        return data + status(0x90, 0x00)

    def select(self, p1, p2, body):
        if p1 == 0x00 and body[:3] == bytes([0x02, 0x3F, 0x00]):
            return status(0x90, 0x00)
        if p1 != 0x04 or not body or len(body) < 1 + body[0] or body[0] == 0:
            return status(0x6A, 0x86)
        aid = body[1:1 + body[0]]
        proprietary = bytes([0x88, 0x01, 0x01])
        inner = bytes([0x84, len(aid)]) + aid + bytes([0xA5, len(proprietary)]) + proprietary
        return self.announce(bytes([0x6F, len(inner)]) + inner)

    def read_binary(self, p1, p2, body):
        if p1 != 0x00 or p2 != 0x00:
            return status(0x6B, 0x00)
        if len(body) != 1 or body[0] != len(FILE_CONTENT):
            return status(0x6C, len(FILE_CONTENT))
        return FILE_CONTENT + status(0x90, 0x00)

    def get_data(self, p1, p2, body):
        if (p1, p2) == (0x02, 0x00):
            if len(body) != 1 or body[0] != 1:
                return status(0x6C, 0x01)
            return bytes([self.register]) + status(0x90, 0x00)
        if (p1, p2) != (0x01, 0x00):
            return status(0x6A, 0x88)
        return self.announce(LARGE_OBJECT)

    def put_data(self, p1, p2, body):
        if (p1, p2) != (0x00, 0x00):
            return status(0x6A, 0x88)
        if len(body) != 2 or body[0] != 1:
            return status(0x67, 0x00)
        self.register = body[1]
        return status(0x90, 0x00)

    def get_challenge(self, body):
        if len(body) != 1:
            return status(0x67, 0x00)
        if body[0] == 0:
            return status(0x6C, 0x08)
        return os.urandom(body[0]) + status(0x90, 0x00)


class T0VirtualICC(VirtualICC):
    """vicc's connection to vpcd and its main loop, around the T=0 card (no file system to build)."""

    def __init__(self, card_os, host, port):
        self.os = card_os
        self.type = "t0"
        self.host = host
        self.port = port
        self.server_sock = None
        self.sock = self.connectToPort(host, port)
        self.sock.settimeout(None)
        atexit.register(self.stop)


def main():
    parser = argparse.ArgumentParser(description="A scripted T=0 card for vpcd.")
    parser.add_argument("-H", "--hostname", default="localhost", help="vpcd's host")
    parser.add_argument("-P", "--port", type=int, default=35963, help="vpcd's port for the reader")
    parser.add_argument("--mute", action="store_true", help="answer reset but no command")
    parser.add_argument("--delayed-ack", action="store_true", help="no TCP quick ACKs")
    args = parser.parse_args()
    if args.delayed_ack:
        original = getattr(sys.modules.get("sitecustomize"), "_recv", None)
        if original is not None:
            socket.socket.recv = original
    try:
        card = T0VirtualICC(T0CardOS(mute=args.mute), args.hostname, args.port)
    except OSError as error:
        print(f"t0card: cannot reach vpcd at {args.hostname}:{args.port}: {error}", file=sys.stderr)
        return 1
    try:
        card.run()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
