import ISO7816

extension ScriptParser {
    /// The byte ranges of the lines of UTF-8 text, split at `\n`, `\r\n` and `\r`; text ending
    /// with a line break ends with an empty line.
    static func lineRanges(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < utf8.count {
            let unit = utf8[index]
            guard unit == UInt8(ascii: "\n") || unit == UInt8(ascii: "\r") else {
                index += 1
                continue
            }
            ranges.append(start..<index)
            index += 1
            if unit == UInt8(ascii: "\r"), index < utf8.count, utf8[index] == UInt8(ascii: "\n") { index += 1 }
            start = index
        }
        ranges.append(start..<utf8.count)
        return ranges
    }

    /// Reads a line made only of whole hex bytes and blanks, the common case, straight from its
    /// UTF-8; false when the line needs the full reader (anything else, or a continued APDU).
    mutating func parsePlainAPDU(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
        guard pending == nil else { return false }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.count / 2)
        var high: UInt8?
        var first = -1
        var last = 0
        for index in 0..<line.count {
            let unit = line[index]
            if unit == UInt8(ascii: " ") || unit == UInt8(ascii: "\t") {
                if high != nil { return false }
                continue
            }
            guard let value = Hex.value(ofDigit: unit) else { return false }
            if first < 0 { first = index }
            last = index
            if let digit = high {
                bytes.append(digit << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        guard high == nil, first >= 0 else { return false }
        let text = String(decoding: UnsafeBufferPointer(rebasing: line[first...last]), as: UTF8.self)
        appendAPDU(bytes, text: text, line: number, column: first + 1, expectation: nil)
        return true
    }
}
