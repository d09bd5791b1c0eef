import ContextCore

/// A connection to a card (`SCARDHANDLE`), owned by the context that made it.
public struct Card: Sendable, Hashable {
    /// The manager whose table holds the connection.
    package let manager: ResourceManager
    /// The connection's handle in the table.
    package let handle: Handle
    /// The reader the card is in.
    public let reader: String

    /// Whether two values name the same connection.
    public static func == (lhs: Card, rhs: Card) -> Bool {
        lhs.manager === rhs.manager && lhs.handle == rhs.handle
    }

    /// Hashes the handle.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(handle)
    }

    func payload() throws(PCSCError) -> CardPayload {
        do {
            guard let payload = try manager.table.storedPayload(of: handle, expecting: .card) as? CardPayload else {
                throw PCSCError.invalidHandle
            }
            return payload
        } catch {
            throw .invalidHandle
        }
    }

    /// Whether the connection is still open (neither disconnected nor released with its context).
    public var isLive: Bool { manager.table.isLive(handle) }

    /// The protocol negotiated with the card.
    public func activeProtocol() throws(PCSCError) -> Protocols {
        Protocols(rawValue: try payload().activeProtocol)
    }

    /// Reconnects, optionally resetting or unpowering the card (`initialization`), and returns
    /// the protocol now in use. The corresponding C function is `SCardReconnect`.
    @discardableResult
    public func reconnect(
        share: ShareMode = .shared, protocols: Protocols = .any, initialization: Disposition = .reset
    ) throws(PCSCError) -> Protocols {
        var payload = try payload()
        let (code, active) = WinSCard.reconnect(
            payload.raw, share: share.rawValue, protocols: protocols.rawValue,
            initialization: initialization.rawValue, tracer: manager.tracer)
        if let error = PCSCError(code: code) { throw error }
        payload.activeProtocol = active
        try? manager.table.setPayload(payload, for: handle)
        return Protocols(rawValue: active)
    }

    /// Disconnects with `disposition`; the handle is stale afterwards, even if the C call failed.
    /// The corresponding C function is `SCardDisconnect`.
    public func disconnect(_ disposition: Disposition = .leave) throws(PCSCError) {
        var payload = try payload()
        payload.disposition = disposition.rawValue
        try? manager.table.setPayload(payload, for: handle)
        let freed: [FreedResource]
        do {
            freed = try manager.table.free(handle, expecting: .card)
        } catch {
            throw .invalidHandle
        }
        if let failure = freed.first?.failure as? PCSCError { throw failure }
    }

    /// Starts a transaction: no other application may use the card until it ends.
    /// The corresponding C function is `SCardBeginTransaction`.
    public func beginTransaction() throws(PCSCError) {
        let code = WinSCard.beginTransaction(try payload().raw, tracer: manager.tracer)
        if let error = PCSCError(code: code) { throw error }
    }

    /// Ends a transaction with `disposition`. The corresponding C function is `SCardEndTransaction`.
    public func endTransaction(_ disposition: Disposition = .leave) throws(PCSCError) {
        let code = WinSCard.endTransaction(try payload().raw, disposition: disposition.rawValue, tracer: manager.tracer)
        if let error = PCSCError(code: code) { throw error }
    }

    /// Runs `body` inside a transaction, ending it (with `disposition`) whatever happens. When
    /// `body` succeeds, a failed end (the card reset or removed meanwhile) is thrown; when it throws,
    /// its error is.
    public func withTransaction<T>(
        disposition: Disposition = .leave, _ body: () throws -> T
    ) throws -> T {
        try beginTransaction()
        let result: T
        do {
            result = try body()
        } catch {
            try? endTransaction(disposition)
            throw error
        }
        try endTransaction(disposition)
        return result
    }
}
