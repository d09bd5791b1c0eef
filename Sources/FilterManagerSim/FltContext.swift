import ContextCore

/// What a context pointer (`PFLT_CONTEXT`) names: the tag of ``FltContext``.
public enum FltContextTag {}

/// A context pointer (`PFLT_CONTEXT`): the opaque value the simulator hands out for a context, backed
/// by a handle of the core's table so that a freed context is recognised, never dereferenced.
public typealias FltContext = OpaqueHandle<FltContextTag>

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
