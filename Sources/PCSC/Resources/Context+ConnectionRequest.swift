/// How to connect to a card: the share mode, the protocols asked for, and a reset on connecting.
public struct ConnectionRequest: Sendable, Hashable {
    /// How the connection shares the card with other applications.
    public var share: ShareMode
    /// The protocols the connection accepts (empty for a direct connection to the reader alone).
    public var protocols: Protocols
    /// A reset made right after connecting: ``Disposition/reset`` (warm) or ``Disposition/unpower``
    /// (cold); nil leaves the card as it is.
    public var initialization: Disposition?

    /// Creates a request; by default shared, T=0 or T=1, no reset.
    public init(share: ShareMode = .shared, protocols: Protocols = .any, initialization: Disposition? = nil) {
        self.share = share
        self.protocols = protocols
        self.initialization = initialization
    }
}

extension Context {
    /// Connects to the card in `reader` as `request` says: `SCardConnect`, then, when a reset is
    /// asked for, `SCardReconnect` with it (which negotiates the protocol afresh).
    ///
    /// pcsc-lite keeps the protocol the first connection negotiated until the card is reset, and
    /// answers a later connection asking for another one with ``PCSCError/protocolMismatch``. With
    /// a reset asked for, that connection is made in direct mode instead and the reset clears it.
    public func connect(reader: String, request: ConnectionRequest) throws(PCSCError) -> Card {
        guard let initialization = request.initialization else {
            return try connect(reader: reader, share: request.share, protocols: request.protocols)
        }
        let card: Card
        do {
            card = try connect(reader: reader, share: request.share, protocols: request.protocols)
        } catch {
            guard error == .protocolMismatch else { throw error }
            card = try connect(reader: reader, share: .direct, protocols: [])
        }
        do {
            try card.reconnect(share: request.share, protocols: request.protocols, initialization: initialization)
        } catch {
            try? card.disconnect()
            throw error
        }
        return card
    }

    /// The protocol pcscd has the card in `reader` running, learnt through a direct connection
    /// made and closed at once; nil when there is none (no card, or not negotiated yet).
    public func protocolInUse(reader: String) -> Protocols? {
        guard let card = try? connect(reader: reader, share: .direct, protocols: []) else { return nil }
        defer { try? card.disconnect() }
        guard let active = try? card.activeProtocol(), !active.isEmpty else { return nil }
        return active
    }
}
