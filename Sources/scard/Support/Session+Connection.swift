import PCSC

extension Session {
    /// Connects to the card in `reader` as `request` says; a protocol the card does not offer is
    /// an error naming what the card's ATR offers and what pcscd has it running.
    func connect(_ context: Context, reader: String, request: ConnectionRequest) throws -> Card {
        do {
            return try context.connect(reader: reader, request: request)
        } catch {
            if error == .protocolMismatch {
                throw Self.protocolMismatch(context, reader: reader, asked: request.protocols)
            }
            throw Self.connectionError(error, reader: reader)
        }
    }

    /// The error for a card that refused the protocols asked for: what its ATR offers, and the
    /// protocol an earlier connection left it in when that is the reason.
    static func protocolMismatch(_ context: Context, reader: String, asked: Protocols) -> CLIError {
        var offered: [Int] = []
        var states = [ReaderStatus(reader: reader)]
        if (try? context.getStatusChange(&states, timeout: 0)) != nil, !states[0].atr.isEmpty {
            offered = ATR(decoding: states[0].atr).protocols
        }
        let offers = offered.isEmpty ? "an ATR that names no protocol" : offered.map { "T=\($0)" }.joined(separator: ", ")
        var message = "cannot connect to '\(reader)' with \(asked): the card offers \(offers)"
        let offeredSet = offered.reduce(into: Protocols()) { set, number in
            if number == 0 { set.insert(.t0) } else if number == 1 { set.insert(.t1) }
        }
        let couldWork = !offeredSet.isDisjoint(with: asked) || asked.contains(.raw)
        if couldWork, let inUse = context.protocolInUse(reader: reader), inUse.isDisjoint(with: asked) {
            message += "; an earlier connection left it in \(inUse), which pcsc-lite keeps until the card is reset (--reset warm)"
        }
        return CLIError(message: message + " (\(PCSCError.protocolMismatch.name))", status: .pcscError)
    }

    /// The line saying how the card was connected: `# connected: READER, T=1, exclusive`.
    static func connectedLine(_ card: Card, request: ConnectionRequest) -> String {
        let active = (try? card.activeProtocol()).map { $0.isEmpty ? "no protocol" : "\($0)" } ?? "unknown protocol"
        var line = "# connected: \(card.reader), \(active), \(request.share.name)"
        if let reset = request.initialization { line += ", \(reset == .unpower ? "cold" : "warm") reset" }
        return line
    }
}
