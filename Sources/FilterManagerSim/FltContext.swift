import ContextCore

/// A context pointer (`PFLT_CONTEXT`): the opaque value the simulator hands out for a context, backed
/// by a handle of the core's table so that a freed context is recognised, never dereferenced.
public struct FltContext: Hashable, Sendable, CustomStringConvertible {
    /// The handle in the ``FilterManager``'s table.
    public let handle: Handle

    /// Wraps a handle.
    public init(handle: Handle) {
        self.handle = handle
    }

    /// Decodes the opaque integer form; nil for 0 (NULL).
    public init?(rawValue: UInt64) {
        guard let handle = Handle(rawValue: rawValue) else { return nil }
        self.handle = handle
    }

    /// The opaque non-zero integer form, as a scenario prints it.
    public var rawValue: UInt64 { handle.rawValue }

    /// The pointer value in hex.
    public var description: String { "0x" + String(rawValue, radix: 16, uppercase: true) }
}

/// `FLT_RELATED_CONTEXTS`: the contexts `FltGetContexts` found, each holding a reference, NULL
/// (nil) where none was asked for or found.
public struct RelatedContexts: Hashable, Sendable {
    /// The volume context.
    public var volume: FltContext?
    /// The instance context.
    public var instance: FltContext?
    /// The file context.
    public var file: FltContext?
    /// The stream context.
    public var stream: FltContext?
    /// The stream handle context.
    public var streamHandle: FltContext?
    /// The transaction context.
    public var transaction: FltContext?

    /// Creates a structure with every member NULL.
    public init() {}

    /// The members in the structure's field order, with their C field names.
    public var members: [(field: String, context: FltContext?)] {
        [
            ("VolumeContext", volume), ("InstanceContext", instance), ("FileContext", file),
            ("StreamContext", stream), ("StreamHandleContext", streamHandle),
            ("TransactionContext", transaction),
        ]
    }

    /// Sets the member for a context type.
    public mutating func set(_ context: FltContext?, for type: ContextType) {
        switch type {
        case .volume: volume = context
        case .instance: instance = context
        case .file: file = context
        case .stream: stream = context
        case .streamHandle: streamHandle = context
        case .transaction: transaction = context
        default: break
        }
    }
}
