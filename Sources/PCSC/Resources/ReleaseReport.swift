import ContextCore

/// What releasing a context freed, in the order it was freed: cards, then buffers, then the context.
public struct ReleaseReport: Sendable {
    /// Every resource freed, children first; each carries the failure of its C call, if any.
    public let freed: [FreedResource]

    /// The card connections that were disconnected.
    public var cards: [FreedResource] { freed.filter { $0.info.kind == .card } }
    /// The auto-allocated buffers that were freed with `SCardFreeMemory`.
    public var buffers: [FreedResource] { freed.filter { $0.info.kind == .buffer } }
    /// The total size of the freed buffers in bytes.
    public var bufferBytes: Int { buffers.reduce(0) { $0 + $1.info.bytes } }
    /// The failure of `SCardReleaseContext` itself, if it failed.
    public var contextFailure: PCSCError? {
        freed.last { $0.info.kind == .pcscContext }?.failure as? PCSCError
    }
}

extension FreedResource {
    /// The C function that freed a PC/SC resource: `SCardDisconnect` for a card,
    /// `SCardFreeMemory` for a buffer, `SCardReleaseContext` for a context; nil for a kind
    /// PC/SC does not make.
    public var cFunction: String? { info.kind.pcscFreeFunction }
}

extension ResourceKind {
    /// The C function that frees a resource of this kind, when it is a PC/SC kind.
    public var pcscFreeFunction: String? {
        switch self {
        case .card: return "SCardDisconnect"
        case .buffer: return "SCardFreeMemory"
        case .pcscContext: return "SCardReleaseContext"
        default: return nil
        }
    }
}
