/// What `SCardStatus` reports about a connected card.
public struct CardStatus: Sendable, Hashable {
    /// The reader's name.
    public let reader: String
    /// The card's state bits.
    public let state: CardState
    /// The protocol in use.
    public let activeProtocol: Protocols
    /// The card's answer to reset.
    public let atr: [UInt8]
}

extension Card {
    /// The card's status, keeping the auto-allocated reader-name buffer as a child of the context.
    /// The corresponding C function is `SCardStatus`.
    package func statusKeepingBuffer() throws(PCSCError) -> (CardStatus, Buffer) {
        let payload = try payload()
        let (code, pointer, length, state, active, atr) = WinSCard.status(payload.raw, tracer: manager.tracer)
        if let error = PCSCError(code: code) { throw error }
        guard let pointer else { throw .noMemory }
        let context = try owningContext()
        let buffer = try context.adoptBuffer(pointer, length: length, label: "reader name")
        let name = Context.multiString(try buffer.bytes()).first ?? payload.reader
        return (CardStatus(reader: name, state: CardState(rawValue: state), activeProtocol: Protocols(rawValue: active), atr: atr), buffer)
    }

    /// The card's status, with the reader-name buffer freed at once.
    public func status() throws(PCSCError) -> CardStatus {
        let (status, buffer) = try statusKeepingBuffer()
        try buffer.free()
        return status
    }

    /// The context that owns this connection.
    public func owningContext() throws(PCSCError) -> Context {
        guard let owner = manager.table.info(handle)?.owner else { throw .invalidHandle }
        return Context(manager: manager, handle: owner)
    }
}
