import ArgumentParser
import PCSC

/// `scard status`: the state, protocol and ATR of the card in a reader.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the state, protocol and ATR of the card in a reader.",
        discussion: """
            Example:
              $ scard status --reader 1
              reader:   Virtual PCD 00 01
              state:    present|powered|negotiable
              protocol: T=1
              atr:      3B 95 13 81 01 80 73 FF 01 00 0B
            """
    )

    @OptionGroup var card: CardOptions
    @OptionGroup var connectionOptions: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var deadline: DeadlineOptions
    @OptionGroup var naming: CardNameOptions

    /// The JSON line.
    struct Report: Encodable {
        let type = "status"
        let reader: ReaderReference
        let state: String
        let `protocol`: String
        let atr: String
        let cardNames: [String]
    }

    func run() throws {
        let session = Session(trace: card.trace, timeout: deadline.timeout)
        defer { session.finish() }
        let context = try session.establish()
        defer { _ = try? context.release() }
        let reader = try session.chooseReader(card.reader, in: context)
        let connection = try session.connect(context, reader: reader, request: connectionOptions.request)
        let status: CardStatus
        do {
            status = try connection.status()
        } catch {
            throw CLIError.pcsc(error, while: "cannot read the status of '\(reader)'")
        }
        let names = try CardNaming(naming).names(for: status.atr)
        if output.json {
            JSONLine.print(
                Report(
                    reader: ReaderReference(status.reader, in: context), state: status.state.description,
                    protocol: status.activeProtocol.description, atr: Hex.string(status.atr, separator: ""),
                    cardNames: names))
        } else {
            print("reader:   \(status.reader)")
            print("state:    \(status.state)")
            print("protocol: \(status.activeProtocol)")
            print("atr:      \(Hex.string(status.atr))")
            for (index, name) in names.enumerated() { print((index == 0 ? "card:     " : "          ") + name) }
        }
    }
}
