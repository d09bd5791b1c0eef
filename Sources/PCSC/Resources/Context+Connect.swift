import ContextCore

extension Context {
    /// Connects to the card in `reader`, runs `body` with the connection, and disconnects it with
    /// `disposition` whatever happens. When `body` succeeds, a failed `SCardDisconnect` is thrown;
    /// when it throws, its error is. A connection `body` closed itself (or released with the
    /// context) is left alone.
    public func withCard<T>(
        reader: String, share: ShareMode = .shared, protocols: Protocols = .any, disposition: Disposition = .leave,
        _ body: (Card) throws -> T
    ) throws -> T {
        let card = try connect(reader: reader, share: share, protocols: protocols)
        let result: T
        do {
            result = try body(card)
        } catch {
            if card.isLive { try? card.disconnect(disposition) }
            throw error
        }
        if card.isLive { try card.disconnect(disposition) }
        return result
    }

    /// Connects to the card in `reader`; the connection is a child of this context.
    /// The corresponding C function is `SCardConnect`.
    public func connect(
        reader: String, share: ShareMode = .shared, protocols: Protocols = .any
    ) throws(PCSCError) -> Card {
        let context = try raw()
        let tracer = manager.tracer
        let (code, rawCard, active) = WinSCard.connect(
            context, reader: reader, share: share.rawValue, protocols: protocols.rawValue, tracer: tracer)
        if let error = PCSCError(code: code) { throw error }
        let payload = CardPayload(raw: rawCard, reader: reader, activeProtocol: active, disposition: Disposition.leave.rawValue)
        do {
            let handle = try manager.table.allocate(
                .card, owner: handle, label: reader, payload: payload,
                onFree: { info in
                    guard let payload = info.payload as? CardPayload else { return }
                    let code = WinSCard.disconnect(payload.raw, disposition: payload.disposition, tracer: tracer)
                    if let error = PCSCError(code: code) { throw error }
                })
            return Card(manager: manager, handle: handle, reader: reader)
        } catch {
            _ = WinSCard.disconnect(rawCard, disposition: Disposition.leave.rawValue, tracer: tracer)
            throw error.pcsc
        }
    }
}
