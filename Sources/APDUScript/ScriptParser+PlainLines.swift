extension ScriptParser {
    /// The lines of a text, split at `\n`, `\r\n` and `\r`; a text ending with a line break ends with an empty line.
    static func physicalLines(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let unit = utf8[index]
            guard unit == UInt8(ascii: "\n") || unit == UInt8(ascii: "\r") else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            var next = utf8.index(after: index)
            if unit == UInt8(ascii: "\r"), next != utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                next = utf8.index(after: next)
            }
            start = next
            index = next
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    /// Reads a line made only of whole hex bytes and blanks, the common case, straight from its
    /// UTF-8; false when the line needs the full reader (anything else, or a continued APDU).
    mutating func parsePlainAPDU(_ line: Substring, number: Int) -> Bool {
        guard pending == nil else { return false }
        let utf8 = line.utf8
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var high: UInt8?
        var first: Substring.Index?
        var last = utf8.startIndex
        var column = 0
        var firstColumn = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let unit = utf8[index]
            column += 1
            if unit == UInt8(ascii: " ") || unit == UInt8(ascii: "\t") {
                if high != nil { return false }
            } else {
                guard let value = Self.hexValue(unit) else { return false }
                if first == nil {
                    first = index
                    firstColumn = column
                }
                last = index
                if let digit = high {
                    bytes.append(digit << 4 | value)
                    high = nil
                } else {
                    high = value
                }
            }
            index = utf8.index(after: index)
        }
        guard high == nil, let first else { return false }
        let text = String(line[first...last])
        finish(
            PendingAPDU(firstLine: number, firstColumn: firstColumn, lastLine: number, bytes: bytes, texts: [text], failed: false),
            pattern: nil, number: number)
        return true
    }

    /// The value of an ASCII hex digit, or nil.
    @inline(__always)
    static func hexValue(_ unit: UInt8) -> UInt8? {
        switch unit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return unit - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return unit - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return unit - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
