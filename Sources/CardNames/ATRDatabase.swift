/// pcsc-tools' database of card names (smartcard_list.txt), read in one pass: each entry is an ATR
/// pattern line followed by tab-indented lines naming the card; `#` lines are comments and blank
/// lines separate entries.
///
/// ```swift
/// let database = ATRDatabase(parsing: Array(text.utf8))
/// database.names(for: [0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x00, 0x0B])
/// // ["vsmartcard - iso7816"]
/// ```
///
/// Matching follows pcsc-tools' `ATR_analysis` (which `pcsc_scan` runs): every entry whose pattern
/// matches the whole ATR counts, in file order.
public struct ATRDatabase: Sendable {
    /// One entry: a pattern and the lines naming the cards it matches.
    public struct Entry: Sendable {
        /// The ATR pattern.
        public let pattern: ATRPattern
        /// The description lines, without their leading tab.
        public let names: [String]
        /// The 1-based line of the pattern in the file.
        public let line: Int
    }

    /// The entries in file order.
    public let entries: [Entry]
    /// Lines holding a pattern that could not be read (neither matcher accepts its syntax), 1-based.
    public let unreadableLines: [Int]
    /// The file the database was read from, when it came from a file.
    public let path: String?

    /// Parses the text of a smartcard_list.txt in one pass.
    public init(parsing text: [UInt8], path: String? = nil) {
        var entries: [Entry] = []
        var unreadable: [Int] = []
        var pending: (pattern: ATRPattern, line: Int)?
        var names: [String] = []
        func close() {
            if let open = pending { entries.append(Entry(pattern: open.pattern, names: names, line: open.line)) }
            pending = nil
            names = []
        }
        var number = 0
        var start = 0
        text.withUnsafeBufferPointer { text in
            while start < text.count {
                number += 1
                var end = start
                while end < text.count && text[end] != UInt8(ascii: "\n") { end += 1 }
                var last = end
                if last > start && text[last - 1] == UInt8(ascii: "\r") { last -= 1 }
                let line = UnsafeBufferPointer(rebasing: text[start..<last])
                start = end + 1
                guard let first = line.first else {
                    close()
                    continue
                }
                if first == UInt8(ascii: "#") { continue }
                if first == UInt8(ascii: "\t") {
                    if pending != nil, let name = Self.trimmed(line) { names.append(name) }
                    continue
                }
                close()
                let patternText = String(decoding: line, as: UTF8.self)
                if let pattern = ATRPattern(patternText) {
                    pending = (pattern, number)
                } else {
                    unreadable.append(number)
                }
            }
        }
        close()
        self.entries = entries
        unreadableLines = unreadable
        self.path = path
    }

    /// The entries whose pattern matches the whole ATR, in file order.
    public func matches(for atr: [UInt8]) -> [Entry] {
        guard !atr.isEmpty else { return [] }
        let text = ATRPattern.text(of: atr)
        return entries.filter { $0.pattern.matches(atrText: text) }
    }

    /// The names of every entry matching the ATR, in file order (empty when none matches).
    public func names(for atr: [UInt8]) -> [String] {
        matches(for: atr).flatMap(\.names)
    }

    /// The text of a description line without the blanks around it; nil when nothing is left.
    static func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        var low = 0
        var high = line.count
        while low < high && (line[low] == 0x20 || line[low] == 0x09) { low += 1 }
        while high > low && (line[high - 1] == 0x20 || line[high - 1] == 0x09) { high -= 1 }
        guard low < high else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: line[low..<high]), as: UTF8.self)
    }
}
