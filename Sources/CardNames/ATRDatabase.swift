#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        /// Whether the line has no `|`, so that its leading plain characters must match the ATR's.
        let anchored: Bool
    }

    /// The file's bytes.
    private let text: [UInt8]
    /// The pattern lines in file order, readable or not.
    private let records: [Record]
    /// Where each name lies in `text`.
    private let nameRanges: [Range<Int>]
    /// The file the database was read from, when it came from a file.
    public let path: String?

    /// Parses the text of a smartcard_list.txt in one pass. Lines are found with `memchr` and a
    /// pattern's syntax is checked only when an ATR gets past its first two characters, so reading the
    /// file costs little more than the kernel's copy of it.
    public init(parsing text: [UInt8], path: String? = nil) {
        var records: [Record] = []
        var nameRanges: [Range<Int>] = []
        records.reserveCapacity(text.count / 128)
        nameRanges.reserveCapacity(text.count / 48)
        // Whether the last record is still taking names (no blank line or pattern since).
        var open = false
        text.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return }
            var number = 0
            var start = 0
            while start < text.count {
                number += 1
                let end = memchr(base + start, 0x0A, text.count - start)
                    .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? text.count
                var last = end
                if last > start && text[last - 1] == 0x0D { last -= 1 }
                let lineStart = start
                start = end + 1
                guard lineStart < last else {
                    open = false
                    continue
                }
                let first = text[lineStart]
                if first == UInt8(ascii: "#") { continue }
                if first == 0x09 {
                    if open, let name = Self.trimmed(text, lineStart..<last) {
                        nameRanges.append(name)
                        records[records.count - 1].endName = nameRanges.count
                    }
                    continue
                }
                records.append(Record(
                    patternStart: lineStart, patternEnd: last, firstName: nameRanges.count, endName: nameRanges.count,
                    line: number, anchored: memchr(base + lineStart, Int32(UInt8(ascii: "|")), last - lineStart) == nil))
                open = true
            }
        }
        self.text = text
        self.records = records
        self.nameRanges = nameRanges
        self.path = path
    }

    /// Lines holding a pattern that could not be read (neither matcher accepts its syntax), 1-based.
    public var unreadableLines: [Int] {
        text.withUnsafeBufferPointer { text in
            records.filter { !Self.isReadable(UnsafeBufferPointer(rebasing: text[$0.patternStart..<$0.patternEnd])) }
                .map(\.line)
        }
    }

    /// The number of entries (pattern lines that can be read).
    public var entryCount: Int { records.count - unreadableLines.count }

    /// The entries whose pattern matches the whole ATR, in file order.
    public func matches(for atr: [UInt8]) -> [Entry] {
        guard !atr.isEmpty else { return [] }
        let subject = Array(ATRPattern.text(of: atr).utf8)
        var found: [Entry] = []
        text.withUnsafeBufferPointer { text in
            subject.withUnsafeBufferPointer { subject in
                for record in records {
                    let patternBytes = UnsafeBufferPointer(rebasing: text[record.patternStart..<record.patternEnd])
                    let plain = record.anchored ? Self.plainPrefix(patternBytes, subject) : nil
                    if plain == false { continue }
                    // A line the direct matcher cannot read is compiled once, for matching and for its entry.
                    var compiled: ATRPattern?
                    let matched: Bool
                    if plain == true {
                        matched = true
                    } else if ATRPattern.isSimple(patternBytes) {
                        matched = ATRPattern.matches(patternBytes, subject)
                    } else {
                        compiled = ATRPattern(String(decoding: patternBytes, as: UTF8.self))
                        matched = compiled?.matches(subject) ?? false
                    }
                    guard matched,
                          let pattern = compiled ?? ATRPattern(String(decoding: patternBytes, as: UTF8.self))
                    else { continue }
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

    /// Whether one of the two matchers accepts the pattern's syntax.
    static func isReadable(_ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        ATRPattern.isSimple(pattern) || PatternProgram(pattern) != nil
    }

    /// What the pattern's leading plain characters (hex digits, blanks and `.`, none quantified) say
    /// about a subject: false when they differ from it, true when they are the whole pattern and match
    /// the whole subject, nil when the rest of the pattern decides. Only for a line with no `|`.
    static func plainPrefix(_ pattern: UnsafeBufferPointer<UInt8>, _ subject: UnsafeBufferPointer<UInt8>) -> Bool? {
        var index = 0
        while index < pattern.count {
            let c = fold(pattern[index])
            guard isHexDigit(c) || c == 0x20 || c == UInt8(ascii: ".") else { return nil }
            if index + 1 < pattern.count {
                switch pattern[index + 1] {
                case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"): return nil
                default: break
                }
            }
            guard index < subject.count else { return false }
            if c != UInt8(ascii: ".") && c != subject[index] { return false }
            index += 1
        }
        return index == subject.count
    }

    /// The upper-case form of an ASCII letter; anything else as it is.
    static func fold(_ c: UInt8) -> UInt8 {
        c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") ? c - 32 : c
    }

    /// Whether `c` is an upper-case hex digit.
    static func isHexDigit(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
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
