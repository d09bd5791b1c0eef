/// The two status bytes SW1 SW2 that end every response APDU, with their ISO/IEC 7816-4 meaning.
public struct StatusWord: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// SW1 in the high byte, SW2 in the low byte.
    public let rawValue: UInt16

    /// Creates a status word from its 16-bit value.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// Creates a status word from SW1 and SW2.
    public init(sw1: UInt8, sw2: UInt8) {
        self.rawValue = UInt16(sw1) << 8 | UInt16(sw2)
    }

    /// The first status byte.
    public var sw1: UInt8 { UInt8(rawValue >> 8) }
    /// The second status byte.
    public var sw2: UInt8 { UInt8(rawValue & 0xFF) }

    /// `90 00`: normal processing.
    public static let success = StatusWord(rawValue: 0x9000)

    /// Whether the command succeeded (`90 00`, or `61 xx` with more data waiting).
    public var isSuccess: Bool { rawValue == 0x9000 || sw1 == 0x61 }

    /// `90 00`.
    public var description: String { Hex.string([sw1, sw2]) }

    /// The ISO/IEC 7816-4 meaning, in words.
    public var meaning: String {
        switch (sw1, sw2) {
        case (0x90, 0x00): return "normal processing"
        case (0x61, let n): return "\(n == 0 ? 256 : Int(n)) more byte(s) available (GET RESPONSE)"
        case (0x62, 0x00): return "warning: state unchanged, no information given"
        case (0x62, 0x81): return "warning: part of returned data may be corrupted"
        case (0x62, 0x82): return "warning: end of file or record reached before reading Ne bytes"
        case (0x62, 0x83): return "warning: selected file deactivated"
        case (0x62, 0x84): return "warning: file control information not formatted correctly"
        case (0x62, 0x85): return "warning: selected file in termination state"
        case (0x62, 0x86): return "warning: no input data available from a sensor"
        case (0x62, _): return "warning: state unchanged"
        case (0x63, 0x00): return "warning: state changed, no information given"
        case (0x63, 0x81): return "warning: file filled up by the last write"
        case (0x63, let x) where x & 0xF0 == 0xC0: return "warning: counter at \(x & 0x0F) (e.g. tries left)"
        case (0x63, _): return "warning: state changed"
        case (0x64, 0x00): return "error: state unchanged (execution error)"
        case (0x64, 0x01): return "error: immediate response required by the card"
        case (0x64, _): return "error: state unchanged (execution error)"
        case (0x65, 0x81): return "error: memory failure"
        case (0x65, _): return "error: state changed (execution error)"
        case (0x66, _): return "error: security-related issue"
        case (0x67, 0x00): return "wrong length"
        case (0x68, 0x81): return "logical channel not supported"
        case (0x68, 0x82): return "secure messaging not supported"
        case (0x68, 0x83): return "last command of the chain expected"
        case (0x68, 0x84): return "command chaining not supported"
        case (0x68, _): return "functions in CLA not supported"
        case (0x69, 0x81): return "command incompatible with file structure"
        case (0x69, 0x82): return "security status not satisfied"
        case (0x69, 0x83): return "authentication method blocked"
        case (0x69, 0x84): return "reference data not usable"
        case (0x69, 0x85): return "conditions of use not satisfied"
        case (0x69, 0x86): return "command not allowed (no current EF)"
        case (0x69, 0x87): return "expected secure messaging data objects missing"
        case (0x69, 0x88): return "incorrect secure messaging data objects"
        case (0x69, _): return "command not allowed"
        case (0x6A, 0x80): return "incorrect parameters in the command data field"
        case (0x6A, 0x81): return "function not supported"
        case (0x6A, 0x82): return "file or application not found"
        case (0x6A, 0x83): return "record not found"
        case (0x6A, 0x84): return "not enough memory space in the file"
        case (0x6A, 0x85): return "Nc inconsistent with TLV structure"
        case (0x6A, 0x86): return "incorrect parameters P1-P2"
        case (0x6A, 0x87): return "Nc inconsistent with parameters P1-P2"
        case (0x6A, 0x88): return "referenced data or reference data not found"
        case (0x6A, 0x89): return "file already exists"
        case (0x6A, 0x8A): return "DF name already exists"
        case (0x6A, _): return "wrong parameters P1-P2"
        case (0x6B, 0x00): return "wrong parameters P1-P2"
        case (0x6C, let n): return "wrong Le: exactly \(n == 0 ? 256 : Int(n)) byte(s) available"
        case (0x6D, 0x00): return "instruction code not supported or invalid"
        case (0x6E, 0x00): return "class not supported"
        case (0x6F, 0x00): return "no precise diagnosis"
        default: return "unknown status word"
        }
    }
}
