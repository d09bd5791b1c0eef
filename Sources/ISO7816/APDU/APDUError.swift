/// Why bytes or text are not a valid command APDU.
public enum APDUError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A character that is not a hex digit, at a 1-based column.
    case notHex(character: Character, column: Int)
    /// An odd number of hex digits.
    case oddLength(digits: Int)
    /// No bytes at all.
    case empty
    /// Fewer than the 4 header bytes.
    case tooShort(bytes: Int)
    /// More than the 65,544 bytes the longest extended APDU has.
    case tooLong(bytes: Int)
    /// The length byte(s) Lc do not match the data that follows.
    case lengthMismatch(lc: Int, dataBytes: Int)
    /// A length field that no ISO 7816-4 case allows (such as a lone 00 after the header).
    case malformedLength(String)
    /// Data longer than Lc can express, or Le out of range, when building an APDU.
    case fieldOutOfRange(String)

    /// A number with thousands separated by commas, as `65,545`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .notHex(let character, let column):
            return "'\(character)' at column \(column) is not a hex digit"
        case .oddLength(let digits):
            return "odd number of hex digits (\(digits)): every byte needs two"
        case .empty:
            return "empty APDU"
        case .tooShort(let bytes):
            return "APDU of \(bytes) byte(s) is too short: the header CLA INS P1 P2 needs 4"
        case .tooLong(let bytes):
            return "APDU of \(Self.grouped(bytes)) bytes is too long: the maximum (extended, 65,535 data bytes) is 65,544"
        case .lengthMismatch(let lc, let dataBytes):
            return "Lc says \(lc) data byte(s) but \(dataBytes) follow"
        case .malformedLength(let detail):
            return "malformed length field: \(detail)"
        case .fieldOutOfRange(let detail):
            return detail
        }
    }
}
