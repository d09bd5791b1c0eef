/// The kinds of simulated objects a minifilter deals with.
public enum FltObjectKind: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The minifilter itself (`PFLT_FILTER`).
    case filter
    /// A mounted volume (`PFLT_VOLUME`).
    case volume
    /// The filter's instance on a volume (`PFLT_INSTANCE`).
    case instance
    /// A file on a volume; it holds one or more streams.
    case file
    /// A file stream (the data a stream context describes).
    case stream
    /// An open handle to a stream: a file object (`PFILE_OBJECT`).
    case streamHandle = "stream handle"
    /// A kernel transaction (`PKTRANSACTION`).
    case transaction

    /// The kind's name in messages (`stream handle`).
    public var description: String { rawValue }
}

/// A simulated object: its kind and a number unique within its ``FilterManager``.
public struct FltObject: Hashable, Sendable, CustomStringConvertible {
    /// What the object is.
    public let kind: FltObjectKind
    /// Its number, in creation order.
    public let id: Int

    /// Creates an object reference; only a ``FilterManager`` makes ones that name real objects.
    public init(kind: FltObjectKind, id: Int) {
        self.kind = kind
        self.id = id
    }

    /// A value that names no object: what a NULL pointer, a number or a pointer of another kind
    /// passed where an object is expected stands for. Every routine answers it with
    /// `STATUS_INVALID_PARAMETER` (or a verifier report, for void routines).
    public static let invalid = FltObject(kind: .filter, id: 0)

    /// `stream 4`.
    public var description: String { "\(kind) \(id)" }
}

/// The object a set, get or delete routine works on, as its C parameters name it.
public enum ContextTarget: Hashable, Sendable {
    /// `FltXxxVolumeContext`: the volume.
    case volume(FltObject)
    /// `FltXxxInstanceContext`: the instance.
    case instance(FltObject)
    /// `FltXxxFileContext(Instance, FileObject)`: the file of a file object (or stream, or file).
    case file(instance: FltObject, fileObject: FltObject)
    /// `FltXxxStreamContext(Instance, FileObject)`: the stream of a file object (or the stream).
    case stream(instance: FltObject, fileObject: FltObject)
    /// `FltXxxStreamHandleContext(Instance, FileObject)`: the file object itself.
    case streamHandle(instance: FltObject, fileObject: FltObject)
    /// `FltXxxTransactionContext(Instance, Transaction)`: the transaction.
    case transaction(instance: FltObject, transaction: FltObject)

    /// The context type the target takes.
    public var contextType: ContextType {
        switch self {
        case .volume: return .volume
        case .instance: return .instance
        case .file: return .file
        case .stream: return .stream
        case .streamHandle: return .streamHandle
        case .transaction: return .transaction
        }
    }

    /// The middle of the routine names: `Stream` in `FltSetStreamContext`.
    public var routineStem: String {
        switch self {
        case .volume: return "Volume"
        case .instance: return "Instance"
        case .file: return "File"
        case .stream: return "Stream"
        case .streamHandle: return "StreamHandle"
        case .transaction: return "Transaction"
        }
    }
}
