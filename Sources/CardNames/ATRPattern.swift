/// One ATR line of pcsc-tools' smartcard_list.txt: a regular expression over the ATR written as
/// upper-case hex pairs separated by single blanks (`3B 95 13 81 01 80 73 FF 01 00 0B`), matched
/// whole and without regard to case, as pcsc-tools' `ATR_analysis` does (`$atr =~ m/^$line$/i`).
///
/// The file uses a small part of Perl's syntax. Most lines use only literal characters, `.`,
/// bracket classes with ranges (`[1-5]`, `[^0]`; a comma in `[1,3]` is one more member, as in Perl)
/// and at most one of the quantifiers `*`, `+` and `?`: those are matched directly on the pattern's
/// text, with no compile step. A line using more (groups `( )` and `(?: )`, alternation `|`,
/// counted repeats `{n}`, `{n,}`, `{n,m}`, lazy quantifiers, escaped metacharacters such as `\.`,
/// `\d`, `\s`, `\w`, the anchors `^` and `$`, or several quantifiers) is compiled once to a small
/// program, whose matching time is bounded however the line nests its quantifiers. A line using
/// syntax outside that subset (lookaround, back references, POSIX classes, possessive quantifiers)
/// is refused.
public struct ATRPattern: Sendable {
    /// The pattern as written in the file.
    public let text: String
    private let bytes: [UInt8]
    private let program: PatternProgram?

    /// Reads one pattern line; nil when it uses syntax neither matcher accepts.
    public init?(_ text: some StringProtocol) {
        self.text = String(text)
        bytes = Array(text.utf8)
        if bytes.withUnsafeBufferPointer(Self.isSimple) {
            program = nil
        } else {
            guard let compiled = bytes.withUnsafeBufferPointer({ PatternProgram($0) }) else { return nil }
            program = compiled
        }
    }

    /// True when `atr`, written as upper-case hex pairs separated by single blanks, matches the
    /// whole pattern.
    public func matches(atrText atr: some StringProtocol) -> Bool {
        Array(atr.utf8).withUnsafeBufferPointer(matches)
    }

    /// True when the ATR text's bytes match the whole pattern.
    func matches(_ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        if let program { return program.matches(subject) }
        return bytes.withUnsafeBufferPointer { pattern in Self.matches(pattern, subject) }
    }

    /// True when `atr` matches the whole pattern.
    public func matches(atr: [UInt8]) -> Bool {
        matches(atrText: Self.text(of: atr))
    }

    /// The ATR as pcsc-tools writes it before matching: upper-case hex pairs and single blanks.
    public static func text(of atr: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(atr.count * 3)
        for (index, byte) in atr.enumerated() {
            if index > 0 { text.append(0x20) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    // MARK: - The direct matcher

    /// Whether every character of the pattern is one the direct matcher handles, with at most one
    /// quantifier (so that its backtracking stays linear in the ATR's length).
    static func isSimple(_ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var previousWasAtom = false
        var quantified = false
        while index < pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "$"):
                return false
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
                if !previousWasAtom || quantified { return false }
                previousWasAtom = false
                quantified = true
                index += 1
            case UInt8(ascii: "["):
                guard let end = classEnd(pattern, index) else { return false }
                for member in (index + 1)..<end where pattern[member] == UInt8(ascii: "\\") || pattern[member] == UInt8(ascii: "[") {
                    return false
                }
                previousWasAtom = true
                index = end + 1
            default:
                previousWasAtom = true
                index += 1
            }
        }
        return true
    }

    /// The index of the `]` closing the class that opens at `open`, or nil when it is not closed.
    /// A `]` right after `[` or `[^` is a member, as in Perl.
    static func classEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ open: Int) -> Int? {
        var index = open + 1
        if index < bytes.count && bytes[index] == UInt8(ascii: "^") { index += 1 }
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") { index += 1 }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "]") { return index }
            index += 1
        }
        return nil
    }

    /// The end of the atom starting at `index` (one past it).
    private static func atomEnd(_ pattern: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        guard pattern[index] == UInt8(ascii: "[") else { return index + 1 }
        var end = index + 1
        if end < pattern.count && pattern[end] == UInt8(ascii: "^") { end += 1 }
        if end < pattern.count && pattern[end] == UInt8(ascii: "]") { end += 1 }
        while pattern[end] != UInt8(ascii: "]") { end += 1 }
        return end + 1
    }

    /// Whether the atom `pattern[start..<end]` matches the character `c`, ignoring case.
    private static func atom(_ pattern: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, matches c: UInt8) -> Bool {
        let first = pattern[start]
        if first == UInt8(ascii: ".") { return c != UInt8(ascii: "\n") }
        if first != UInt8(ascii: "[") { return fold(first) == fold(c) }
        var index = start + 1
        var negated = false
        if pattern[index] == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        let last = end - 1
        var found = false
        while index < last {
            let low = pattern[index]
            if index + 2 < last && pattern[index + 1] == UInt8(ascii: "-") {
                let high = pattern[index + 2]
                if (low...max(low, high)).contains(c) || (low...max(low, high)).contains(fold(c))
                    || (low...max(low, high)).contains(lower(c)) {
                    found = true
                }
                index += 3
            } else {
                if fold(low) == fold(c) { found = true }
                index += 1
            }
        }
        return found != negated
    }

    /// Whether a pattern the direct matcher handles (``isSimple(_:)``) matches the whole subject.
    static func matches(_ pattern: UnsafeBufferPointer<UInt8>, _ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        match(pattern, 0, subject, 0)
    }

    /// Matches `pattern[p...]` against the whole of `subject[s...]`, backtracking over quantifiers.
    private static func match(_ pattern: UnsafeBufferPointer<UInt8>, _ p: Int, _ subject: UnsafeBufferPointer<UInt8>, _ s: Int) -> Bool {
        var p = p
        var s = s
        while p < pattern.count {
            let end = atomEnd(pattern, p)
            let quantifier = end < pattern.count ? pattern[end] : 0
            switch quantifier {
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
                let least = quantifier == UInt8(ascii: "+") ? 1 : 0
                let most = quantifier == UInt8(ascii: "?") ? 1 : Int.max
                var count = 0
                while count < most && s + count < subject.count && atom(pattern, p, end, matches: subject[s + count]) {
                    count += 1
                }
                while count >= least {
                    if match(pattern, end + 1, subject, s + count) { return true }
                    count -= 1
                }
                return false
            default:
                guard s < subject.count, atom(pattern, p, end, matches: subject[s]) else { return false }
                s += 1
                p = end
            }
        }
        return s == subject.count
    }

    /// The upper-case form of an ASCII letter; anything else as it is.
    private static func fold(_ c: UInt8) -> UInt8 {
        c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") ? c - 32 : c
    }

    /// The lower-case form of an ASCII letter; anything else as it is.
    private static func lower(_ c: UInt8) -> UInt8 {
        c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c + 32 : c
    }
}
