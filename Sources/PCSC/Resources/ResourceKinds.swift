import ContextCore

extension ResourceKind {
    /// A resource manager context (`SCARDCONTEXT`).
    package static let pcscContext: ResourceKind = "context"
    /// A card connection (`SCARDHANDLE`), child of its context.
    package static let card: ResourceKind = "card"
    /// Memory libpcsclite allocated with `SCARD_AUTOALLOCATE`, child of its context.
    package static let buffer: ResourceKind = "buffer"
}

/// What the table keeps for a context.
struct ContextPayload: Sendable {
    let raw: Int
}

/// What the table keeps for a card connection.
struct CardPayload: Sendable {
    let raw: Int
    let reader: String
    var activeProtocol: UInt32
    var disposition: UInt32
}

/// What the table keeps for an auto-allocated buffer: its address, as an integer, and its context.
struct BufferPayload: Sendable {
    let address: UInt
    let context: Int
}

extension HandleError {
    /// The PC/SC error a stale, unknown or mistyped handle stands for.
    var pcsc: PCSCError { .invalidHandle }
}
