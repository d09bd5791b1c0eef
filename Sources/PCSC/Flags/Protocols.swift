/// A set of card protocols: those asked for when connecting, or the one in use.
public struct Protocols: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The protocol bits.
    public let rawValue: UInt32

    /// Creates a set from protocol bits.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// T=0, character protocol. The corresponding C value is `SCARD_PROTOCOL_T0`.
    public static let t0 = Protocols(rawValue: 0x1)
    /// T=1, block protocol. The corresponding C value is `SCARD_PROTOCOL_T1`.
    public static let t1 = Protocols(rawValue: 0x2)
    /// Raw protocol. The corresponding C value is `SCARD_PROTOCOL_RAW`.
    public static let raw = Protocols(rawValue: 0x4)
    /// T=0 or T=1, as the reader negotiates. The corresponding C value is `SCARD_PROTOCOL_ANY`.
    public static let any: Protocols = [.t0, .t1]

    /// `T=0`, `T=1`, `RAW`, several joined with `|`, or `none`.
    public var description: String {
        var names: [String] = []
        if contains(.t0) { names.append("T=0") }
        if contains(.t1) { names.append("T=1") }
        if contains(.raw) { names.append("RAW") }
        return names.isEmpty ? "none" : names.joined(separator: "|")
    }
}
