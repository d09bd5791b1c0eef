/// Hex text to bytes and back, as APDUs are written on command lines and in scripts.
public enum Hex {
    /// Parses hex digits with optional blanks, colons or dashes between bytes, in any case.
    public static func bytes(_ text: some StringProtocol) throws(APDUError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count / 2)
        var high: UInt8?
        var digits = 0
        var column = 0
        for scalar in text.unicodeScalars {
            column += 1
            let value: UInt8
            switch scalar {
            case "0"..."9": value = UInt8(scalar.value - 48)
            case "a"..."f": value = UInt8(scalar.value - 87)
            case "A"..."F": value = UInt8(scalar.value - 55)
            case " ", "\t", ":", "-":
                continue
            default:
                throw .notHex(character: Character(scalar), column: column)
            }
            digits += 1
            if let h = high {
                bytes.append(h << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        if high != nil { throw .oddLength(digits: digits) }
        return bytes
    }

    /// Formats bytes as uppercase hex pairs separated by `separator` (`90 00`).
    public static func string(_ bytes: some Sequence<UInt8>, separator: String = " ") -> String {
        string(Array(bytes), separator: separator)
    }

    /// Formats an array of bytes as uppercase hex pairs separated by `separator`.
    public static func string(_ bytes: [UInt8], separator: String = " ") -> String {
        bytes.withUnsafeBufferPointer { string($0, separator: separator) }
    }

    /// Formats a slice of bytes as uppercase hex pairs separated by `separator`.
    public static func string(_ bytes: ArraySlice<UInt8>, separator: String = " ") -> String {
        bytes.withUnsafeBufferPointer { string($0, separator: separator) }
    }

    /// Formats a buffer of bytes as uppercase hex pairs, writing the text once without intermediate copies.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, separator: String) -> String {
        guard !bytes.isEmpty else { return "" }
        var between = separator
        return between.withUTF8 { gap in
            let length = bytes.count * 2 + (bytes.count - 1) * gap.count
            return String(unsafeUninitializedCapacity: length) { text in
                var at = 0
                for (index, byte) in bytes.enumerated() {
                    if index > 0 {
                        for unit in gap {
                            text[at] = unit
                            at += 1
                        }
                    }
                    text[at] = digit(byte >> 4)
                    text[at + 1] = digit(byte & 0xF)
                    at += 2
                }
                return at
            }
        }
    }

    /// The length of `count` bytes written as hex pairs separated by single spaces.
    public static func spacedLength(_ count: Int) -> Int {
        count == 0 ? 0 : count * 3 - 1
    }

    /// Writes bytes as uppercase hex pairs separated by single spaces (`90 00`) into `text` from
    /// `offset`, which it advances; `text` must have `spacedLength(bytes.count)` bytes free there.
    public static func write(_ bytes: [UInt8], into text: UnsafeMutableBufferPointer<UInt8>, at offset: inout Int) {
        for (index, byte) in bytes.enumerated() {
            if index > 0 {
                text[offset] = 0x20
                offset += 1
            }
            text[offset] = digit(byte >> 4)
            text[offset + 1] = digit(byte & 0xF)
            offset += 2
        }
    }

    /// The ASCII code of an uppercase hex digit for a value below 16.
    @inline(__always)
    static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? value + 0x30 : value + 0x37
    }
}
