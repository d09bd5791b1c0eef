@testable import CardNames
import Testing

/// Random pattern lines from the subset, over hex digits, blanks and `.`, matched by ``ATRPattern``
/// (and by ``PatternProgram`` directly, for the lines the direct matcher takes) and by Swift `Regex`,
/// which must agree, case ignored, on texts built to match and on near misses and random ATRs.
@Suite struct RegexOracleTests {
    /// The seed the patterns and texts come from.
    static let seed: UInt64 = 0x5CA2_D0A7_2E6E_0015
    /// How many patterns are tried (four texts each).
    static let patternCount = 3000

    @Test func agreesWithSwiftRegex() throws {
        var generator = RandomPattern(seed: Self.seed)
        var mismatches: [String] = []
        var compared = 0
        var matched = 0
        for _ in 0..<Self.patternCount {
            let (pattern, sample) = generator.pattern()
            guard let regex = try? Regex("(?:" + pattern + ")").ignoresCase() else {
                mismatches.append("'\(pattern)': refused by Regex")
                continue
            }
            let atrPattern = try #require(ATRPattern(pattern), "refused: \(pattern)")
            let program = try #require(PatternProgram(pattern), "not compiled: \(pattern)")
            for text in generator.subjects(near: sample) {
                let expected = (try regex.wholeMatch(in: text)) != nil
                let bytes = Array(text.utf8)
                let whole = atrPattern.matches(atrText: text)
                let compiled = bytes.withUnsafeBufferPointer { program.matches($0) }
                compared += 1
                if expected { matched += 1 }
                if whole != expected || compiled != expected {
                    mismatches.append("'\(pattern)' on '\(text)': Regex \(expected), ATRPattern \(whole), program \(compiled)")
                }
            }
        }
        #expect(compared >= Self.patternCount * 4)
        #expect(matched > compared / 4 && matched < compared * 3 / 4, "\(matched) of \(compared) texts matched")
        #expect(mismatches.isEmpty, "seed 0x\(String(Self.seed, radix: 16)):\n\(mismatches.prefix(10).joined(separator: "\n"))")
    }
}

/// Makes random pattern lines of the subset and texts to match them against. Quantifiers without
/// an upper bound go only on single characters and on groups with neither quantifiers nor
/// alternation inside, and a pattern has few of them, so that Swift `Regex` (a plain backtracker)
/// answers quickly too.
struct RandomPattern {
    /// One piece of a pattern: its text, a text it matches, and what the quantifier rules need.
    struct Piece {
        var pattern: String
        var sample: String
        var loops = 0
        var alternates = false
        var anchor = false
    }

    private var random: SplitMix64
    private var loops = 0
    private static let hexDigits = Array("0123456789ABCDEFabcdef")
    private static let subjectCharacters = Array("0123456789ABCDEF ") + [".", ","]

    /// A generator whose patterns are fixed by `seed`.
    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// A random pattern line and a text built to match it.
    mutating func pattern() -> (String, String) {
        loops = 0
        let piece = alternation(depth: 0)
        return (piece.pattern, piece.sample)
    }

    /// Texts to try a pattern on: its sample in upper and mixed case, a near miss, and a random ATR.
    mutating func subjects(near sample: String) -> [String] {
        var missed = Array(sample.uppercased())
        let character = Self.subjectCharacters.randomElement(using: &random)!
        let place = Int.random(in: 0...missed.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0 where place < missed.count: missed[place] = character
        case 1 where place < missed.count: missed.remove(at: place)
        default: missed.insert(character, at: place)
        }
        let atr = (0..<Int.random(in: 0...12, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        return [sample.uppercased(), sample, String(missed), ATRPattern.text(of: atr)]
    }

    private mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    private mutating func alternation(depth: Int) -> Piece {
        let count = depth > 0 && chance(30) ? Int.random(in: 2...3, using: &random) : (chance(5) ? 2 : 1)
        let branches = (0..<count).map { _ in sequence(depth: depth) }
        let chosen = branches.randomElement(using: &random)!
        return Piece(
            pattern: branches.map(\.pattern).joined(separator: "|"), sample: chosen.sample,
            loops: branches.map(\.loops).reduce(0, +), alternates: count > 1 || branches.contains { $0.alternates })
    }

    private mutating func sequence(depth: Int) -> Piece {
        let count = depth == 0 ? Int.random(in: 1...8, using: &random) : Int.random(in: 0...4, using: &random)
        var piece = Piece(pattern: "", sample: "")
        for _ in 0..<count {
            let item = quantified(atom(depth: depth))
            piece.pattern += item.pattern
            piece.sample += item.sample
            piece.loops += item.loops
            piece.alternates = piece.alternates || item.alternates
        }
        return piece
    }

    private mutating func atom(depth: Int) -> Piece {
        switch Int.random(in: 0..<20, using: &random) {
        case 0..<9:
            let digit = String(Self.hexDigits.randomElement(using: &random)!)
            return Piece(pattern: digit, sample: digit)
        case 9..<11:
            return Piece(pattern: " ", sample: " ")
        case 11..<13:
            return Piece(pattern: ".", sample: String(Self.subjectCharacters.randomElement(using: &random)!))
        case 13..<15:
            return bracketClass()
        case 15:
            let escapes = [("\\d", "7"), ("\\s", " "), ("\\w", "b"), ("\\.", "."), ("\\D", "C"), ("\\S", "0"), ("\\W", " ")]
            let (pattern, sample) = escapes.randomElement(using: &random)!
            return Piece(pattern: pattern, sample: sample)
        case 16..<18 where depth < 3:
            var inner = alternation(depth: depth + 1)
            inner.pattern = (chance(50) ? "(" : "(?:") + inner.pattern + ")"
            return inner
        case 18 where chance(30):
            return Piece(pattern: chance(50) ? "^" : "$", sample: "", anchor: true)
        default:
            let digit = String(Self.hexDigits.randomElement(using: &random)!)
            return Piece(pattern: digit, sample: digit)
        }
    }

    /// A bracket class of hex digits, blanks and commas, with ranges, maybe negated.
    private mutating func bracketClass() -> Piece {
        var pattern = ""
        var members = Set<Character>()
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            if chance(40) {
                let groups: [[Character]] = [Array("0123456789"), Array("ABCDEF"), Array("abcdef"), Array("0123456789ABCDEF")]
                let group = groups.randomElement(using: &random)!
                let ends = [group.randomElement(using: &random)!, group.randomElement(using: &random)!].sorted()
                pattern += "\(ends[0])-\(ends[1])"
                let low = ends[0].asciiValue!
                let high = ends[1].asciiValue!
                members.formUnion((low...high).map { Character(Unicode.Scalar($0)) })
            } else {
                let member = (Self.hexDigits + [" ", ","]).randomElement(using: &random)!
                pattern += String(member)
                members.insert(member)
            }
        }
        let folded = Set(members.flatMap { [Character($0.uppercased()), Character($0.lowercased())] })
        let negated = chance(25)
        let candidates = Self.subjectCharacters.filter { folded.contains($0) != negated }
        return Piece(
            pattern: "[" + (negated ? "^" : "") + pattern + "]",
            sample: candidates.randomElement(using: &random).map { String($0) } ?? "")
    }

    /// `atom` with a random quantifier, or as it is.
    private mutating func quantified(_ atom: Piece) -> Piece {
        guard !atom.anchor, loops < 4, chance(30) else { return atom }
        let plain = atom.loops == 0 && !atom.alternates
        let least: Int
        let most: Int?
        let text: String
        switch Int.random(in: 0..<(plain ? 6 : 3), using: &random) {
        case 0:
            (least, most, text) = (0, 1, "?")
        case 1:
            let count = Int.random(in: 0...2, using: &random)
            (least, most, text) = (count, count, "{\(count)}")
        case 2:
            let low = Int.random(in: 0...1, using: &random)
            let high = Int.random(in: low...2, using: &random)
            (least, most, text) = (low, high, "{\(low),\(high)}")
        case 3:
            (least, most, text) = (0, nil, "*")
        case 4:
            (least, most, text) = (1, nil, "+")
        default:
            let low = Int.random(in: 0...3, using: &random)
            if chance(50) {
                (least, most, text) = (low, nil, "{\(low),}")
            } else {
                let high = Int.random(in: low...(low + 3), using: &random)
                (least, most, text) = (low, high, "{\(low),\(high)}")
            }
        }
        let repeats = Int.random(in: least...(most ?? least + 3), using: &random)
        loops += 1 + atom.loops * max(0, (most ?? 2) - 1)
        return Piece(
            pattern: atom.pattern + text + (chance(15) ? "?" : ""), sample: String(repeating: atom.sample, count: repeats),
            loops: atom.loops + 1, alternates: atom.alternates)
    }
}

/// SplitMix64: a small, fast generator whose sequence is fixed by its seed, so a failing run can be
/// replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// A generator starting from `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
