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
            if scalar == " " || scalar == "\t" || scalar == ":" || scalar == "-" { continue }
            guard scalar.isASCII, let value = value(ofDigit: UInt8(scalar.value)) else {
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
        var between = separator
        return between.withUTF8 { gap in
            String(unsafeUninitializedCapacity: length(bytes.count, separator: gap.count)) { text in
                var at = 0
                write(bytes, separator: gap, into: text, at: &at)
                return at
            }
        }
    }

    /// The length of `count` bytes written as hex pairs separated by single spaces.
    public static func spacedLength(_ count: Int) -> Int {
        length(count, separator: 1)
    }

    /// Writes bytes as uppercase hex pairs separated by single spaces (`90 00`) into `text` from
    /// `offset`, which it advances; `text` must have `spacedLength(bytes.count)` bytes free there.
    public static func write(_ bytes: [UInt8], into text: UnsafeMutableBufferPointer<UInt8>, at offset: inout Int) {
        let space: StaticString = " "
        bytes.withUnsafeBufferPointer { bytes in
            write(bytes, separator: UnsafeBufferPointer(start: space.utf8Start, count: 1), into: text, at: &offset)
        }
    }

    /// The length of `count` bytes written as hex pairs with `separator` bytes between them.
    static func length(_ count: Int, separator: Int) -> Int {
        count == 0 ? 0 : count * 2 + (count - 1) * separator
    }

    /// Writes bytes as uppercase hex pairs with `separator` between them into `text` from `offset`.
    static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, separator: UnsafeBufferPointer<UInt8>,
        into text: UnsafeMutableBufferPointer<UInt8>, at offset: inout Int
    ) {
        for (index, byte) in bytes.enumerated() {
            if index > 0 {
                for unit in separator {
                    text[offset] = unit
                    offset += 1
                }
            }
            text[offset] = digit(byte >> 4)
            text[offset + 1] = digit(byte & 0xF)
            offset += 2
        }
    }

    /// The value of an ASCII hex digit (`0`-`9`, `a`-`f`, `A`-`F`), or nil.
    @inlinable
    public static func value(ofDigit ascii: UInt8) -> UInt8? {
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return ascii - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return ascii - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return ascii - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// The value of a hex digit character, or nil.
    public static func value(of character: Character) -> UInt8? {
        character.asciiValue.flatMap(value(ofDigit:))
    }

    /// The ASCII code of an uppercase hex digit for a value below 16.
    @inline(__always)
    static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? value + 0x30 : value + 0x37
    }
}
