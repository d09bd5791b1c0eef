/// The pool a context is allocated from (`POOL_TYPE`).
public struct PoolType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The C enumeration value.
    public let rawValue: UInt32

    /// Creates a pool type from its C value.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Memory that is never paged out. The C name is `NonPagedPool`.
    public static let nonPaged = PoolType(rawValue: 0)
    /// Memory that can be paged out: touching it above APC_LEVEL can fault. The C name is `PagedPool`.
    public static let paged = PoolType(rawValue: 1)
    /// Non-executable nonpaged memory. The C name is `NonPagedPoolNx`.
    public static let nonPagedNx = PoolType(rawValue: 512)

    /// The three pools with their C names.
    public static let named: [(name: String, pool: PoolType)] = [
        ("NonPagedPool", .nonPaged), ("PagedPool", .paged), ("NonPagedPoolNx", .nonPagedNx),
    ]

    /// Whether the value is one of the three pools a context can come from.
    public var isValid: Bool { Self.named.contains { $0.pool == self } }

    /// Whether memory of this pool can be paged out.
    public var isPaged: Bool { self == .paged }

    /// The C name, or the value for anything else.
    public var description: String {
        Self.named.first { $0.pool == self }?.name ?? "POOL_TYPE \(rawValue)"
    }
}
