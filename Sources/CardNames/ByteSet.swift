/// A set of bytes (256 bits), what one position of an ATR pattern accepts: a literal, `.`, a
/// bracket class or an escape such as `\d`, already widened to both cases of every letter.
struct ByteSet: Sendable, Equatable {
    private var low: UInt64 = 0
    private var lowMiddle: UInt64 = 0
    private var highMiddle: UInt64 = 0
    private var high: UInt64 = 0

    /// The empty set.
    init() {}

    /// The set holding the one byte `byte`.
    init(_ byte: UInt8) {
        insert(byte)
    }

    /// The set holding the bytes `bytes`.
    init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    /// Every byte except a line feed, as Perl's `.` without `/s`.
    static let anyButNewline = ByteSet(0...255).subtracting(ByteSet(0x0A))

    /// `\d`: the ASCII digits.
    static let digits = ByteSet(UInt8(ascii: "0")...UInt8(ascii: "9"))

    /// `\s`: blank, tab, line feed, vertical tab, form feed and carriage return.
    static let spaces = ByteSet([0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D])

    /// `\w`: ASCII letters, digits and `_`.
    static let wordCharacters = ByteSet(UInt8(ascii: "a")...UInt8(ascii: "z"))
        .union(ByteSet(UInt8(ascii: "A")...UInt8(ascii: "Z"))).union(digits).union(ByteSet(UInt8(ascii: "_")))

    /// Whether `byte` is in the set.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return low & bit != 0
        case 1: return lowMiddle & bit != 0
        case 2: return highMiddle & bit != 0
        default: return high & bit != 0
        }
    }

    /// Adds `byte` to the set.
    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: low |= bit
        case 1: lowMiddle |= bit
        case 2: highMiddle |= bit
        default: high |= bit
        }
    }

    /// The bytes in either set.
    func union(_ other: ByteSet) -> ByteSet {
        var result = self
        result.low |= other.low
        result.lowMiddle |= other.lowMiddle
        result.highMiddle |= other.highMiddle
        result.high |= other.high
        return result
    }

    /// The bytes in this set and not in `other`.
    func subtracting(_ other: ByteSet) -> ByteSet {
        var result = self
        result.low &= ~other.low
        result.lowMiddle &= ~other.lowMiddle
        result.highMiddle &= ~other.highMiddle
        result.high &= ~other.high
        return result
    }

    /// Every byte not in the set.
    var inverted: ByteSet {
        ByteSet(0...255).subtracting(self)
    }

    /// The set with both cases of every ASCII letter it holds in either case, for matching without
    /// regard to case.
    var caseClosed: ByteSet {
        // `A`...`Z` are bits 1...26 of the second word, `a`...`z` the same bits 32 higher.
        let letters: UInt64 = 0x07FF_FFFE
        let either = (lowMiddle | lowMiddle >> 32) & letters
        var result = self
        result.lowMiddle |= either | either << 32
        return result
    }
}
