/// What is wrong with an ATR, each with a one-line explanation (ISO/IEC 7816-3, section 8).
public enum ATRError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer than the two bytes every ATR starts with (TS and T0).
    case tooShort(length: Int)
    /// TS is neither 3B (direct convention) nor 3F (inverse convention).
    case invalidInitialCharacter(UInt8)
    /// The ATR ends where an interface byte announced by T0 or a TD byte should be.
    case truncatedInterfaceBytes(missing: String, offset: Int)
    /// The ATR ends before the K historical bytes announced by T0.
    case truncatedHistoricalBytes(expected: Int, found: Int)
    /// A protocol other than T=0 is offered, so TCK must follow the historical bytes, but it is absent.
    case missingCheckByte
    /// TCK is present but the exclusive-or of T0 to TCK is not zero.
    case wrongCheckByte(expected: UInt8, found: UInt8)
    /// Bytes follow the end of the ATR (after TCK, or after the historical bytes when TCK is absent).
    case extraBytes([UInt8])
    /// TD1 indicates T=15, which ISO/IEC 7816-3 reserves for TD2 onwards.
    case globalBytesIndicatedByTD1
    /// The ATR is longer than the 33 bytes ISO/IEC 7816-3 allows (TS and at most 32 more).
    case tooLong(length: Int)

    /// True when the bytes cannot be decoded as an ATR in full (too short, invalid TS, truncated);
    /// false when every field decodes but a check fails (TCK, extra bytes, TD1, length).
    public var isMalformed: Bool {
        switch self {
        case .tooShort, .invalidInitialCharacter, .truncatedInterfaceBytes, .truncatedHistoricalBytes: return true
        case .missingCheckByte, .wrongCheckByte, .extraBytes, .globalBytesIndicatedByTD1, .tooLong: return false
        }
    }

    /// The explanation in one line.
    public var description: String {
        switch self {
        case .tooShort(let length):
            return "too short: an ATR has at least 2 bytes (TS and T0), this one has \(length)"
        case .invalidInitialCharacter(let ts):
            return "invalid TS \(ATRHex.byte(ts)): must be 3B (direct convention) or 3F (inverse convention)"
        case .truncatedInterfaceBytes(let missing, let offset):
            return "truncated interface bytes: \(missing) is announced but the ATR ends at byte \(offset)"
        case .truncatedHistoricalBytes(let expected, let found):
            return "truncated historical bytes: T0 announces \(expected), only \(found) present"
        case .missingCheckByte:
            return "missing TCK: a protocol other than T=0 is offered, so the ATR must end with TCK"
        case .wrongCheckByte(let expected, let found):
            return "wrong TCK: found \(ATRHex.byte(found)), expected \(ATRHex.byte(expected)) (XOR of T0 up to the last historical byte)"
        case .extraBytes(let bytes):
            return "\(bytes.count) extra byte(s) after the end of the ATR: \(ATRHex.string(bytes))"
        case .globalBytesIndicatedByTD1:
            return "TD1 indicates T=15, which is only allowed from TD2 on"
        case .tooLong(let length):
            return "too long: \(length) bytes, an ATR has at most 33"
        }
    }
}

/// Hexadecimal spelling of bytes in ATR texts: upper case, two digits, spaces between bytes.
public enum ATRHex {
    /// One byte as two upper-case hex digits (`3B`).
    public static func byte(_ value: UInt8) -> String {
        let digits: [Character] = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 4)], digits[Int(value & 0x0F)]])
    }

    /// Bytes as upper-case hex pairs separated by single spaces (`3B 95 13`).
    public static func string(_ bytes: [UInt8]) -> String {
        bytes.map(byte).joined(separator: " ")
    }

    /// The printable-ASCII reading of bytes, with a dot for anything else (`JCOPv241`).
    public static func ascii(_ bytes: [UInt8]) -> String {
        String(bytes.map { (0x20..<0x7F).contains($0) ? Character(Unicode.Scalar($0)) : "." })
    }
}
