import PCSC

/// What `scard list-readers` was asked for, as one value: built from the parsed command, or read
/// directly by ``QuickStart``.
struct ListReadersOptions: Equatable, Sendable {
    /// `--trace`: every PC/SC call and the ledger on standard error.
    var trace = false
    /// `--json`: one JSON line per reader.
    var json = false
    /// `--timeout`: the deadline of every PC/SC call, in seconds.
    var timeout: Double?
    /// `--atr-list`: the card-name database to use.
    var atrList: String?
}

/// `scard list-readers` itself: one line per reader with its index, name, whether it holds a card,
/// its ATR and the card's names.
enum ListReaders {
    /// One reader in JSON.
    struct Entry: Encodable {
        let type = "reader"
        let reader: ReaderReference
        let card: Bool
        let atr: String?
        let cardNames: [String]?
    }

    /// Lists the readers as `options` ask.
    static func run(_ options: ListReadersOptions) throws {
        let session = Session(trace: options.trace, timeout: options.timeout)
        defer { session.finish() }
        let context = try session.establish()
        defer { _ = try? context.release() }
        let names: [String]
        var states: [ReaderStatus]
        do {
            names = try context.readerNames()
            states = names.map { ReaderStatus(reader: $0) }
            if !states.isEmpty { try context.getStatusChange(&states, timeout: 0) }
        } catch {
            throw CLIError.pcsc(error, while: "cannot list readers")
        }
        if names.isEmpty { throw CLIError(message: "no readers are connected", status: .noCard) }
        let width = names.map(\.count).max() ?? 0
        let cards = CardNaming(explicitPath: options.atrList)
        for (index, state) in states.enumerated() {
            let present = state.eventState.contains(.present)
            let atr = present && !state.atr.isEmpty ? Hex.string(state.atr) : nil
            let cardNames = atr == nil ? nil : try cards.names(for: state.atr)
            if options.json {
                JSONLine.print(Entry(reader: ReaderReference(state.reader, among: names), card: present, atr: atr.map(JSONValue.compact), cardNames: cardNames))
            } else {
                let padded = state.reader.padded(to: width)
                var line = "\(index): \(padded)  \(present ? "card " : "empty")"
                if let atr { line += "  \(atr)" }
                print(line)
                for name in cardNames ?? [] { print("     " + name) }
            }
        }
    }
}
