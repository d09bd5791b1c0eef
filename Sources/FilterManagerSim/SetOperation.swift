/// What a set routine does when the object already has a context (`FLT_SET_CONTEXT_OPERATION`).
public struct SetOperation: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The C enumeration value.
    public let rawValue: UInt32

    /// Creates an operation from its C value.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Replace the existing context. The C name is `FLT_SET_CONTEXT_REPLACE_IF_EXISTS`.
    public static let replaceIfExists = SetOperation(rawValue: 1)
    /// Keep the existing context and fail. The C name is `FLT_SET_CONTEXT_KEEP_IF_EXISTS`.
    public static let keepIfExists = SetOperation(rawValue: 2)

    /// Whether the value is one of the two operations.
    public var isValid: Bool { self == .replaceIfExists || self == .keepIfExists }

    /// The C name, or the value for anything else.
    public var description: String {
        switch self {
        case .replaceIfExists: return "FLT_SET_CONTEXT_REPLACE_IF_EXISTS"
        case .keepIfExists: return "FLT_SET_CONTEXT_KEEP_IF_EXISTS"
        default: return "FLT_SET_CONTEXT_OPERATION \(rawValue)"
        }
    }
}
