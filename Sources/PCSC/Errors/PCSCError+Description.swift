extension PCSCError: CustomStringConvertible {
    /// The C name of every named code.
    static let names: [UInt32: String] = [
        0x8010_0001: "SCARD_F_INTERNAL_ERROR", 0x8010_0002: "SCARD_E_CANCELLED",
        0x8010_0003: "SCARD_E_INVALID_HANDLE", 0x8010_0004: "SCARD_E_INVALID_PARAMETER",
        0x8010_0005: "SCARD_E_INVALID_TARGET", 0x8010_0006: "SCARD_E_NO_MEMORY",
        0x8010_0007: "SCARD_F_WAITED_TOO_LONG", 0x8010_0008: "SCARD_E_INSUFFICIENT_BUFFER",
        0x8010_0009: "SCARD_E_UNKNOWN_READER", 0x8010_000A: "SCARD_E_TIMEOUT",
        0x8010_000B: "SCARD_E_SHARING_VIOLATION", 0x8010_000C: "SCARD_E_NO_SMARTCARD",
        0x8010_000D: "SCARD_E_UNKNOWN_CARD", 0x8010_000E: "SCARD_E_CANT_DISPOSE",
        0x8010_000F: "SCARD_E_PROTO_MISMATCH", 0x8010_0010: "SCARD_E_NOT_READY",
        0x8010_0011: "SCARD_E_INVALID_VALUE", 0x8010_0012: "SCARD_E_SYSTEM_CANCELLED",
        0x8010_0013: "SCARD_F_COMM_ERROR", 0x8010_0014: "SCARD_F_UNKNOWN_ERROR",
        0x8010_0015: "SCARD_E_INVALID_ATR", 0x8010_0016: "SCARD_E_NOT_TRANSACTED",
        0x8010_0017: "SCARD_E_READER_UNAVAILABLE", 0x8010_0018: "SCARD_P_SHUTDOWN",
        0x8010_0019: "SCARD_E_PCI_TOO_SMALL", 0x8010_001A: "SCARD_E_READER_UNSUPPORTED",
        0x8010_001B: "SCARD_E_DUPLICATE_READER", 0x8010_001C: "SCARD_E_CARD_UNSUPPORTED",
        0x8010_001D: "SCARD_E_NO_SERVICE", 0x8010_001E: "SCARD_E_SERVICE_STOPPED",
        0x8010_001F: "SCARD_E_UNSUPPORTED_FEATURE", 0x8010_002E: "SCARD_E_NO_READERS_AVAILABLE",
        0x8010_0065: "SCARD_W_UNSUPPORTED_CARD", 0x8010_0066: "SCARD_W_UNRESPONSIVE_CARD",
        0x8010_0067: "SCARD_W_UNPOWERED_CARD", 0x8010_0068: "SCARD_W_RESET_CARD",
        0x8010_0069: "SCARD_W_REMOVED_CARD", 0x8010_006A: "SCARD_W_SECURITY_VIOLATION",
    ]

    /// The code's C name, or its value in hex when it has none.
    public var name: String {
        Self.names[rawValue] ?? hex
    }

    /// The code in hex, as `0x80100003`.
    public var hex: String {
        let digits = String(rawValue, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// A sentence a person can act on.
    public var advice: String {
        switch self {
        case .noService, .serviceStopped:
            return "pcscd is not running: start it (`pcscd` as root, or `scripts/virtual-reader.sh start` for the virtual reader)"
        case .noReadersAvailable:
            return "no smart card readers are connected (plug one in, or start the virtual reader)"
        case .unknownReader:
            return "no reader of that name is connected (see `scard list-readers`)"
        case .noSmartcard:
            return "there is no card in the reader"
        case .removedCard:
            return "the card was removed from the reader"
        case .resetCard:
            return "the card was reset by another application; reconnect and try again"
        case .sharingViolation:
            return "another application holds the card exclusively; close it or wait"
        case .invalidHandle:
            return "the handle is not valid (already released or disconnected)"
        case .timeout:
            return "the wait timed out"
        case .cancelled:
            return "the wait was cancelled"
        case .insufficientBuffer:
            return "the receive buffer was too small for the data"
        case .communicationError:
            return "communication with the reader or pcscd failed"
        case .unresponsiveCard:
            return "the card does not answer to reset"
        case .securityViolation:
            return "access to pcscd was refused by its security policy (polkit); run as a permitted user"
        case .protocolMismatch:
            return "the card does not speak the protocols asked for"
        case .readerUnavailable:
            return "the reader is not available (unplugged or in use by the system)"
        case .notTransacted:
            return "the reader could not carry out the exchange (pcsc-lite also returns this when the card goes away mid-exchange), or there was no transaction to end"
        default:
            return Self.names[rawValue] == nil ? "unknown PC/SC error" : "the PC/SC call failed"
        }
    }

    /// `SCARD_E_NO_SERVICE (0x8010001D): pcscd is not running: ...`.
    public var description: String {
        "\(name) (\(hex)): \(advice)"
    }
}
