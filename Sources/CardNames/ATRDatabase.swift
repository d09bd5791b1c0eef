/// pcsc-tools' database of card names (smartcard_list.txt), read in one pass: each entry is an ATR
/// pattern line followed by tab-indented lines naming the card; `#` lines are comments and blank
/// lines separate entries.
///
/// ```swift
/// let database = ATRDatabase(parsing: Array(text.utf8))
/// database.names(for: [0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x00, 0x0B])
/// // ["vsmartcard - iso7816 (Other)", "https://frankmorgner.github.io/vsmartcard/"]
/// ```
///
/// Matching follows pcsc-tools' `ATR_analysis` (which `pcsc_scan` runs): every entry whose pattern
/// matches the whole ATR counts, in file order. The parse only notes where each pattern and name
/// lies in the file's bytes; patterns are matched on those bytes, and strings are made only for
/// the entries that match, so reading the whole file costs little more than scanning it once.
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

    /// Where one entry lies in the file (plain integers, so that the parse copies no generic values).
    struct Record: Sendable {
        /// The pattern's bytes.
        let patternStart: Int
        let patternEnd: Int
        /// The entry's names, as indexes into `nameRanges`.
        let firstName: Int
        var endName: Int
        /// The 1-based line of the pattern.
        let line: Int
    }

    /// The file's bytes.
    private let text: [UInt8]
    /// The entries in file order.
    private let records: [Record]
    /// Where each name lies in `text`.
    private let nameRanges: [Range<Int>]
    /// The patterns compiled with Swift `Regex` (those the direct matcher does not handle), by record.
    private let regexes: [Int: CompiledRegex]
    /// Lines holding a pattern that could not be read (neither matcher accepts its syntax), 1-based.
    public let unreadableLines: [Int]
    /// The file the database was read from, when it came from a file.
    public let path: String?

    /// Parses the text of a smartcard_list.txt in one pass.
    public init(parsing text: [UInt8], path: String? = nil) {
        var records: [Record] = []
        var nameRanges: [Range<Int>] = []
        var regexes: [Int: CompiledRegex] = [:]
        var unreadable: [Int] = []
        // Whether the last record is still taking names (no blank line or pattern since).
        var open = false
        text.withUnsafeBufferPointer { text in
            var number = 0
            var start = 0
            while start < text.count {
                number += 1
                var end = start
                while end < text.count && text[end] != UInt8(ascii: "\n") { end += 1 }
                var last = end
                if last > start && text[last - 1] == UInt8(ascii: "\r") { last -= 1 }
                let lineStart = start
                start = end + 1
                guard lineStart < last else {
                    open = false
                    continue
                }
                let first = text[lineStart]
                if first == UInt8(ascii: "#") { continue }
                if first == UInt8(ascii: "\t") {
                    if open, let name = Self.trimmed(text, lineStart..<last) {
                        nameRanges.append(name)
                        records[records.count - 1].endName = nameRanges.count
                    }
                    continue
                }
                open = false
                let line = UnsafeBufferPointer(rebasing: text[lineStart..<last])
                if !ATRPattern.isSimple(line) {
                    guard let regex = CompiledRegex(String(decoding: line, as: UTF8.self)) else {
                        unreadable.append(number)
                        continue
                    }
                    regexes[records.count] = regex
                }
                records.append(Record(
                    patternStart: lineStart, patternEnd: last, firstName: nameRanges.count, endName: nameRanges.count,
                    line: number))
                open = true
            }
        }
        self.text = text
        self.records = records
        self.nameRanges = nameRanges
        self.regexes = regexes
        unreadableLines = unreadable
        self.path = path
    }

    /// The number of entries.
    public var entryCount: Int { records.count }

    /// The entries whose pattern matches the whole ATR, in file order.
    public func matches(for atr: [UInt8]) -> [Entry] {
        guard !atr.isEmpty else { return [] }
        let atrText = ATRPattern.text(of: atr)
        let subject = Array(atrText.utf8)
        var found: [Entry] = []
        text.withUnsafeBufferPointer { text in
            subject.withUnsafeBufferPointer { subject in
                for (index, record) in records.enumerated() {
                    let patternBytes = UnsafeBufferPointer(rebasing: text[record.patternStart..<record.patternEnd])
                    let matched: Bool
                    if let regex = regexes.isEmpty ? nil : regexes[index] {
                        matched = regex.wholeMatches(atrText)
                    } else {
                        matched = ATRPattern.matches(patternBytes, subject)
                    }
                    guard matched else { continue }
                    guard let pattern = ATRPattern(String(decoding: patternBytes, as: UTF8.self)) else { continue }
                    let names = nameRanges[record.firstName..<record.endName].map {
                        String(decoding: UnsafeBufferPointer(rebasing: text[$0]), as: UTF8.self)
                    }
                    found.append(Entry(pattern: pattern, names: names, line: record.line))
                }
            }
        }
        return found
    }

    /// The names of every entry matching the ATR, in file order (empty when none matches).
    public func names(for atr: [UInt8]) -> [String] {
        matches(for: atr).flatMap(\.names)
    }

    /// The range of a description line without the blanks around it; nil when nothing is left.
    static func trimmed(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high && (text[low] == 0x20 || text[low] == 0x09) { low += 1 }
        while high > low && (text[high - 1] == 0x20 || text[high - 1] == 0x09) { high -= 1 }
        return low < high ? low..<high : nil
    }
}
