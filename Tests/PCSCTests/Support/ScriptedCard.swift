@testable import PCSC

/// A card in a ``ScriptedPCSC`` reader: its ATR, its protocol, and how it answers each command.
struct ScriptedCard: Sendable {
    /// The answer to reset.
    var atr: [UInt8] = [0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x00, 0x0B]
    /// The protocol the card speaks (`SCARD_PROTOCOL_T0` = 1, `T1` = 2).
    var protocols: UInt32 = 2
    /// The answer to one command, as the card would give it on the wire.
    var respond: @Sendable ([UInt8]) -> [UInt8] = { _ in [0x90, 0x00] }
}

/// One call the fake received, as the tests compare them.
struct ScriptedCall: Equatable, Sendable, CustomStringConvertible {
    /// The C function.
    let function: PCSCFunction
    /// The context or card handle it was called on (0 for `SCardEstablishContext`).
    let handle: Int
    /// The bytes sent, for `SCardTransmit`; empty otherwise.
    var command: [UInt8] = []
    /// The disposition, for `SCardDisconnect` and `SCardEndTransaction`.
    var disposition: UInt32? = nil

    /// `SCardTransmit(0x1002, 00 84 00 00 08)`.
    var description: String {
        "\(function)(\(WinSCard.hex(handle))\(command.isEmpty ? "" : ", " + Hex.string(command)))"
    }
}
