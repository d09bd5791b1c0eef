/// Reads the part of Perl's regular-expression syntax an ATR pattern line may use, case folded
/// (pcsc-tools matches with `m/^$line$/i`):
///
/// - literal bytes, `.`, and bracket classes with ranges, negation and escapes (`[0-9A-F]`, `[^0]`,
///   `[1,3]`: a comma is one more member, as in Perl; `]` first in a class is a member);
/// - groups `( )` and `(?: )`, alternation `|`;
/// - the quantifiers `*`, `+`, `?`, `{n}`, `{n,}` and `{n,m}`, each optionally lazy (`*?`: whether the
///   whole ATR matches does not depend on it);
/// - an escaped metacharacter (`\.`, `\[`, `\(`, `\|`, `\\`, ...), `\d`, `\s`, `\w` and their
///   negations `\D`, `\S`, `\W`;
/// - the anchors `^` and `$`.
///
/// Anything else (lookaround, back references, `\x41`, POSIX classes, possessive quantifiers, a
/// quantifier with nothing to repeat, unbalanced brackets) is refused, as are patterns nested more
/// than ``maximumDepth`` groups deep or counting past ``maximumCount``.
struct PatternParser {
    /// The deepest nesting of groups read.
    static let maximumDepth = 64
    /// The largest count read in `{n,m}`.
    static let maximumCount = 1000

    private let pattern: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    private init(_ pattern: UnsafeBufferPointer<UInt8>) {
        self.pattern = pattern
    }

    /// The pattern's parsed form; nil when it uses syntax outside the subset.
    static func parse(_ pattern: UnsafeBufferPointer<UInt8>) -> PatternNode? {
        var parser = PatternParser(pattern)
        guard let node = parser.alternation(), parser.index == pattern.count else { return nil }
        return node
    }

    /// The byte at the read position, or nil at the end.
    private var next: UInt8? {
        index < pattern.count ? pattern[index] : nil
    }

    /// Branches separated by `|`, up to the end or a `)`.
    private mutating func alternation() -> PatternNode? {
        var branches: [PatternNode] = []
        while true {
            guard let branch = sequence() else { return nil }
            branches.append(branch)
            guard next == UInt8(ascii: "|") else { break }
            index += 1
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    /// Quantified atoms, up to the end, a `|` or a `)`.
    private mutating func sequence() -> PatternNode? {
        var nodes: [PatternNode] = []
        while let byte = next, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            guard let (atom, repeatable) = atom(), let node = quantified(atom, repeatable: repeatable) else { return nil }
            nodes.append(node)
        }
        return nodes.count == 1 ? nodes[0] : .sequence(nodes)
    }

    /// One atom, and whether a quantifier may follow it (not after an anchor).
    private mutating func atom() -> (PatternNode, Bool)? {
        let byte = pattern[index]
        index += 1
        switch byte {
        case UInt8(ascii: "("):
            if next == UInt8(ascii: "?") {
                guard index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: ":") else { return nil }
                index += 2
            }
            depth += 1
            guard depth <= Self.maximumDepth, let inner = alternation(), next == UInt8(ascii: ")") else { return nil }
            index += 1
            depth -= 1
            return (inner, true)
        case UInt8(ascii: "["):
            return bracketClass().map { (.bytes($0), true) }
        case UInt8(ascii: "."):
            return (.bytes(.anyButNewline), true)
        case UInt8(ascii: "^"):
            return (.start, false)
        case UInt8(ascii: "$"):
            return (.end, false)
        case UInt8(ascii: "\\"):
            return escape().map { (.bytes($0.caseClosed), true) }
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return nil
        default:
            return (.bytes(ByteSet(byte).caseClosed), true)
        }
    }

    /// `atom` with the quantifier that follows it, if any; nil for a quantifier on an anchor, an
    /// unreadable count, or a quantifier right after another (nested or possessive).
    private mutating func quantified(_ atom: PatternNode, repeatable: Bool) -> PatternNode? {
        let least: Int
        let most: Int?
        switch next {
        case UInt8(ascii: "*"):
            (least, most) = (0, nil)
            index += 1
        case UInt8(ascii: "+"):
            (least, most) = (1, nil)
            index += 1
        case UInt8(ascii: "?"):
            (least, most) = (0, 1)
            index += 1
        case UInt8(ascii: "{"):
            index += 1
            guard let counts = counts() else { return nil }
            (least, most) = counts
        default:
            return atom
        }
        guard repeatable else { return nil }
        if next == UInt8(ascii: "?") { index += 1 }
        switch next {
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"): return nil
        default: return .repetition(atom, least: least, most: most)
        }
    }

    /// The counts of `{n}`, `{n,}` or `{n,m}`, read from after the `{` through the `}`.
    private mutating func counts() -> (Int, Int?)? {
        guard let least = number() else { return nil }
        var most: Int? = least
        if next == UInt8(ascii: ",") {
            index += 1
            most = next == UInt8(ascii: "}") ? nil : number()
            guard most != nil || next == UInt8(ascii: "}") else { return nil }
        }
        guard next == UInt8(ascii: "}"), most.map({ $0 >= least }) ?? true else { return nil }
        index += 1
        return (least, most)
    }

    /// A decimal number of at most ``maximumCount``.
    private mutating func number() -> Int? {
        var value = 0
        let start = index
        while let byte = next, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            guard value <= Self.maximumCount else { return nil }
            index += 1
        }
        return index > start ? value : nil
    }

    /// What follows a `\`: an escaped punctuation character, or `\d`, `\s`, `\w`, `\D`, `\S`, `\W`.
    private mutating func escape() -> ByteSet? {
        guard let byte = next else { return nil }
        index += 1
        switch byte {
        case UInt8(ascii: "d"): return .digits
        case UInt8(ascii: "D"): return ByteSet.digits.inverted
        case UInt8(ascii: "s"): return .spaces
        case UInt8(ascii: "S"): return ByteSet.spaces.inverted
        case UInt8(ascii: "w"): return .wordCharacters
        case UInt8(ascii: "W"): return ByteSet.wordCharacters.inverted
        case 0x20...0x7E where !ByteSet.wordCharacters.contains(byte) || byte == UInt8(ascii: "_"):
            return ByteSet(byte)
        default: return nil
        }
    }

    /// A bracket class, read from after the `[` through the `]`, case folded.
    private mutating func bracketClass() -> ByteSet? {
        var set = ByteSet()
        let negated = next == UInt8(ascii: "^")
        if negated { index += 1 }
        var first = true
        while true {
            guard let byte = next, byte != UInt8(ascii: "[") else { return nil }
            if byte == UInt8(ascii: "]") && !first {
                index += 1
                break
            }
            first = false
            guard let member = classMember() else { return nil }
            let isRange = next == UInt8(ascii: "-") && index + 1 < pattern.count && pattern[index + 1] != UInt8(ascii: "]")
            if !isRange {
                set = set.union(member.set)
                continue
            }
            index += 1
            guard let low = member.byte, next != UInt8(ascii: "["), let high = classMember()?.byte, low <= high else {
                return nil
            }
            set = set.union(ByteSet(low...high))
        }
        set = set.caseClosed
        return negated ? set.inverted : set
    }

    /// One member of a bracket class: a byte (its own, or escaped) or an escape's set.
    private mutating func classMember() -> (set: ByteSet, byte: UInt8?)? {
        let byte = pattern[index]
        index += 1
        guard byte == UInt8(ascii: "\\") else { return (ByteSet(byte), byte) }
        let escaped = next
        guard let set = escape() else { return nil }
        switch escaped {
        case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "s"), UInt8(ascii: "S"), UInt8(ascii: "w"), UInt8(ascii: "W"):
            return (set, nil)
        default:
            return (set, escaped)
        }
    }
}
