/// The kind of a resource (context, card, buffer, key, hash ...), named by each provider.
public struct ResourceKind: Hashable, Sendable, RawRepresentable, ExpressibleByStringLiteral,
    CustomStringConvertible, Comparable
{
    /// The kind's name as shown in ledgers and traces.
    public let rawValue: String

    /// Creates a kind with the given name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a kind from a string literal.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The kind's name.
    public var description: String { rawValue }

    /// Orders kinds by name, for stable listings.
    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
