/// The state of a connected card as `SCardStatus` reports it (`pdwState`).
public struct CardState: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The state bits.
    public let rawValue: UInt32

    /// Creates a set from state bits.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The state is unknown. The corresponding C value is `SCARD_UNKNOWN`.
    public static let unknown = CardState(rawValue: 0x1)
    /// No card. The corresponding C value is `SCARD_ABSENT`.
    public static let absent = CardState(rawValue: 0x2)
    /// A card is present. The corresponding C value is `SCARD_PRESENT`.
    public static let present = CardState(rawValue: 0x4)
    /// The card is in position but not powered. The corresponding C value is `SCARD_SWALLOWED`.
    public static let swallowed = CardState(rawValue: 0x8)
    /// The card is powered. The corresponding C value is `SCARD_POWERED`.
    public static let powered = CardState(rawValue: 0x10)
    /// The card is ready for protocol negotiation. The corresponding C value is `SCARD_NEGOTIABLE`.
    public static let negotiable = CardState(rawValue: 0x20)
    /// A protocol is set. The corresponding C value is `SCARD_SPECIFIC`.
    public static let specific = CardState(rawValue: 0x40)

    /// The names of the set bits, lowercase, joined with `|`.
    public var description: String {
        let names: [(CardState, String)] = [
            (.unknown, "unknown"), (.absent, "absent"), (.present, "present"),
            (.swallowed, "swallowed"), (.powered, "powered"), (.negotiable, "negotiable"),
            (.specific, "specific"),
        ]
        let set = names.filter { contains($0.0) }.map(\.1)
        return set.isEmpty ? "none" : set.joined(separator: "|")
    }
}
