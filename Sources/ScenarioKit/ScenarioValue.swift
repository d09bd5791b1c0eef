/// One argument value of a scenario line, as written.
public enum ScenarioValue: Sendable, Equatable, CustomStringConvertible {
    /// `NULL` (a null pointer or handle).
    case null
    /// A decimal or `0x` hexadecimal number (`0`, `42`, `0x8009000F`).
    case number(UInt64)
    /// `~0`: every bit set in the parameter's width.
    case allOnes
    /// An identifier: a name bound by an earlier line, or a constant by its C name.
    case symbol(String)
    /// Several values joined with `|` (`CRYPT_NEWKEYSET|CRYPT_SILENT`).
    case union([ScenarioValue])
    /// Bytes: a quoted string's UTF-8 (`"abc"`) or raw bytes (`x"0a0b"`).
    case bytes([UInt8])

    /// The value written back in scenario syntax.
    public var description: String {
        switch self {
        case .null: return "NULL"
        case .number(let value): return value > 9 ? "0x" + String(value, radix: 16, uppercase: true) : String(value)
        case .allOnes: return "~0"
        case .symbol(let name): return name
        case .union(let parts): return parts.map(\.description).joined(separator: "|")
        case .bytes(let bytes):
            let printable = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
            if printable {
                return "\"" + String(decoding: bytes, as: UTF8.self) + "\""
            }
            return "x\"" + ScenarioHex.string(bytes) + "\""
        }
    }
}

/// Bytes as lowercase hex digits, as scenario output and byte strings write them.
public enum ScenarioHex {
    /// `0a0b` for `[0x0A, 0x0B]`.
    public static func string(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return text
    }
}

/// An argument with the column where it starts, for error messages.
public struct ScenarioArgument: Sendable, Equatable {
    /// The value.
    public let value: ScenarioValue
    /// The 1-based column of its first character.
    public let column: Int

    /// Creates an argument at a column.
    public init(value: ScenarioValue, column: Int) {
        self.value = value
        self.column = column
    }
}
