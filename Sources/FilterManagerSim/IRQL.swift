/// The interrupt request level a call is made at.
public struct IRQL: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The level number.
    public let rawValue: UInt8

    /// Creates a level from its number.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Normal thread execution. The C name is `PASSIVE_LEVEL`.
    public static let passive = IRQL(rawValue: 0)
    /// Asynchronous procedure calls are masked. The C name is `APC_LEVEL`.
    public static let apc = IRQL(rawValue: 1)
    /// The dispatcher level: no paging, no waiting. The C name is `DISPATCH_LEVEL`.
    public static let dispatch = IRQL(rawValue: 2)
    /// The highest level on x64. The C name is `HIGH_LEVEL`.
    public static let high = IRQL(rawValue: 15)

    /// The named levels.
    public static let named: [(name: String, level: IRQL)] = [
        ("PASSIVE_LEVEL", .passive), ("APC_LEVEL", .apc), ("DISPATCH_LEVEL", .dispatch), ("HIGH_LEVEL", .high),
    ]

    /// Orders levels by number.
    public static func < (lhs: IRQL, rhs: IRQL) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The C name (`DISPATCH_LEVEL`), or `IRQL n` for a device level.
    public var description: String {
        Self.named.first { $0.level == self }?.name ?? "IRQL \(rawValue)"
    }
}
