#!/usr/bin/python3
"""The pyscard peer for the benchmark: N x GET CHALLENGE in one Python process."""
import sys

from smartcard.System import readers


def main() -> int:
    name, count = sys.argv[1], int(sys.argv[2])
    reader = next(r for r in readers() if str(r) == name)
    connection = reader.createConnection()
    connection.connect()
    for _ in range(count):
        data, sw1, sw2 = connection.transmit([0x00, 0x84, 0x00, 0x00, 0x08])
        if (sw1, sw2) != (0x90, 0x00) or len(data) != 8:
            print("pyscard: unexpected response", file=sys.stderr)
            return 1
    connection.disconnect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
