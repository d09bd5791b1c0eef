/// A Filter Manager context type (`FLT_CONTEXT_TYPE`, a USHORT bit value).
///
/// Any 16-bit value can be represented, so that an invalid type passed to a routine is reported
/// with `STATUS_INVALID_PARAMETER` rather than refused by the type system.
public struct ContextType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The type's bit value.
    public let rawValue: UInt16

    /// Creates a type from its bit value.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// A context on a volume. The C name is `FLT_VOLUME_CONTEXT`.
    public static let volume = ContextType(rawValue: 0x1)
    /// A context on a filter instance. The C name is `FLT_INSTANCE_CONTEXT`.
    public static let instance = ContextType(rawValue: 0x2)
    /// A context on a file (all its streams). The C name is `FLT_FILE_CONTEXT`.
    public static let file = ContextType(rawValue: 0x4)
    /// A context on a file stream. The C name is `FLT_STREAM_CONTEXT`.
    public static let stream = ContextType(rawValue: 0x8)
    /// A context on a stream handle (a file object). The C name is `FLT_STREAMHANDLE_CONTEXT`.
    public static let streamHandle = ContextType(rawValue: 0x10)
    /// A context on a transaction. The C name is `FLT_TRANSACTION_CONTEXT`.
    public static let transaction = ContextType(rawValue: 0x20)
    /// A context on a section for data scanning. The C name is `FLT_SECTION_CONTEXT`.
    public static let section = ContextType(rawValue: 0x40)
    /// Every type, as `FltGetContexts` takes it. The C name is `FLT_ALL_CONTEXTS`.
    public static let all = ContextType(rawValue: 0xFFFF)

    /// The seven real types with their C names, in bit order.
    public static let named: [(name: String, type: ContextType)] = [
        ("FLT_VOLUME_CONTEXT", .volume),
        ("FLT_INSTANCE_CONTEXT", .instance),
        ("FLT_FILE_CONTEXT", .file),
        ("FLT_STREAM_CONTEXT", .stream),
        ("FLT_STREAMHANDLE_CONTEXT", .streamHandle),
        ("FLT_TRANSACTION_CONTEXT", .transaction),
        ("FLT_SECTION_CONTEXT", .section),
    ]

    /// Whether the value is exactly one of the seven context types.
    public var isValid: Bool {
        Self.named.contains { $0.type == self }
    }

    /// Whether `self`, taken as a mask (`FltGetContexts`' DesiredContexts), includes `type`.
    public func includes(_ type: ContextType) -> Bool {
        rawValue & type.rawValue != 0
    }

    /// The C name (`FLT_STREAM_CONTEXT`), or the value in hex for anything else.
    public var description: String {
        if let name = Self.named.first(where: { $0.type == self })?.name { return name }
        if self == .all { return "FLT_ALL_CONTEXTS" }
        return "0x" + String(rawValue, radix: 16, uppercase: true)
    }
}
