import ArgumentParser
import PCSC

/// `scard list-readers`: one line per reader with its index, name, and whether it holds a card.
struct ListReadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-readers",
        abstract: "List the readers and whether each holds a card.",
        discussion: """
            Example:
              $ scard list-readers
              0: Virtual PCD 00 00  card   3B 95 13 81 01 80 73 FF 01 00 0B
              1: Virtual PCD 00 01  empty

            With --json, one line per reader (Docs/json.md):
              {"atr":"3B95...","card":true,"reader":{"index":0,"name":"..."},"type":"reader"}
            Exits 4 when no reader is connected, 6 when pcscd is not running, 7 when
            pcscd does not answer within the deadline (--timeout), 130 on Ctrl-C.
            """
    )

    @Flag(help: "Show every PC/SC call and the ledger on standard error.")
    var trace = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var deadline: DeadlineOptions
    @OptionGroup var naming: CardNameOptions

    /// One reader in JSON.
    struct Entry: Encodable {
        let type = "reader"
        let reader: ReaderReference
        let card: Bool
        let atr: String?
        let cardNames: [String]?
    }

    func run() throws {
        let session = Session(trace: trace, timeout: deadline.timeout)
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
        let cards = CardNaming(naming)
        for (index, state) in states.enumerated() {
            let present = state.eventState.contains(.present)
            let atr = present && !state.atr.isEmpty ? Hex.string(state.atr) : nil
            let cardNames = atr == nil ? nil : try cards.names(for: state.atr)
            if output.json {
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
