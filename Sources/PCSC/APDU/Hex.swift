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
        let digits = Array("0123456789ABCDEF".utf8)
        let between = Array(separator.utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * (2 + between.count))
        for byte in bytes {
            if !text.isEmpty { text.append(contentsOf: between) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
