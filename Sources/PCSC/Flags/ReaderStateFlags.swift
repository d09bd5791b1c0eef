/// The state bits of a reader as `SCardGetStatusChange` reports them (`dwEventState`).
public struct ReaderStateFlags: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The state bits; the upper 16 bits of `dwEventState` carry an event counter and are kept apart.
    public let rawValue: UInt32

    /// Creates a set from state bits.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The caller does not know the state. The corresponding C value is `SCARD_STATE_UNAWARE`.
    public static let unaware: ReaderStateFlags = []
    /// Ignore this reader. The corresponding C value is `SCARD_STATE_IGNORE`.
    public static let ignore = ReaderStateFlags(rawValue: 0x1)
    /// The state differs from the one the caller gave. The corresponding C value is `SCARD_STATE_CHANGED`.
    public static let changed = ReaderStateFlags(rawValue: 0x2)
    /// The reader is not known. The corresponding C value is `SCARD_STATE_UNKNOWN`.
    public static let unknown = ReaderStateFlags(rawValue: 0x4)
    /// The state is not available. The corresponding C value is `SCARD_STATE_UNAVAILABLE`.
    public static let unavailable = ReaderStateFlags(rawValue: 0x8)
    /// No card is in the reader. The corresponding C value is `SCARD_STATE_EMPTY`.
    public static let empty = ReaderStateFlags(rawValue: 0x10)
    /// A card is in the reader. The corresponding C value is `SCARD_STATE_PRESENT`.
    public static let present = ReaderStateFlags(rawValue: 0x20)
    /// The card's ATR matches a given one. The corresponding C value is `SCARD_STATE_ATRMATCH`.
    public static let atrMatch = ReaderStateFlags(rawValue: 0x40)
    /// The card is in use exclusively. The corresponding C value is `SCARD_STATE_EXCLUSIVE`.
    public static let exclusive = ReaderStateFlags(rawValue: 0x80)
    /// The card is in use, shared. The corresponding C value is `SCARD_STATE_INUSE`.
    public static let inUse = ReaderStateFlags(rawValue: 0x100)
    /// The card does not answer. The corresponding C value is `SCARD_STATE_MUTE`.
    public static let mute = ReaderStateFlags(rawValue: 0x200)
    /// The card is not powered. The corresponding C value is `SCARD_STATE_UNPOWERED`.
    public static let unpowered = ReaderStateFlags(rawValue: 0x400)

    /// The names of the set bits, lowercase, joined with `|`.
    public var description: String {
        let names: [(ReaderStateFlags, String)] = [
            (.ignore, "ignore"), (.changed, "changed"), (.unknown, "unknown"),
            (.unavailable, "unavailable"), (.empty, "empty"), (.present, "present"),
            (.atrMatch, "atrmatch"), (.exclusive, "exclusive"), (.inUse, "inuse"), (.mute, "mute"),
            (.unpowered, "unpowered"),
        ]
        let set = names.filter { contains($0.0) }.map(\.1)
        return set.isEmpty ? "unaware" : set.joined(separator: "|")
    }
}
