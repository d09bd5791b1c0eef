import PCSC

/// Builds a transcript from a script run's events, as they happen.
public struct TranscriptRecorder: Sendable {
    /// The transcript so far.
    public private(set) var transcript: Transcript
    /// The commands whose response data is written as `..`.
    public let ignoring: IgnoredData
    private var section: String?

    /// Starts a transcript of a run of `script` on the card in `reader`.
    public init(script: String?, reader: String, atr: [UInt8], protocol: Protocols?, ignoring: IgnoredData = IgnoredData()) {
        transcript = Transcript(
            script: script, reader: reader, atr: Hex.string(atr), protocol: `protocol`.map(\.description))
        self.ignoring = ignoring
    }

    /// Adds what an event did: exchanges are recorded; `# test:` sections name the exchanges after them.
    public mutating func record(_ event: ScriptEvent) {
        switch event {
        case .exchange(let line, let exchange, _, _, _):
            transcript.exchanges.append(Self.exchange(exchange, line: line, test: section, ignoring: ignoring))
        case .testSection(_, let name):
            section = name
        case .echo, .reset, .delay, .exit, .beginTransaction, .endTransaction:
            break
        }
    }

    /// The transcript record of one exchange, with the ignored data written as `..`.
    public static func exchange(_ exchange: Exchange, line: Int, test: String?, ignoring: IgnoredData) -> TranscriptExchange {
        let command = exchange.command.bytes
        let masked = ignoring.applies(to: command)
        func text(_ bytes: [UInt8]) -> String { masked ? IgnoredData.masked(bytes) : Hex.string(bytes) }
        let statusWord = exchange.response.statusWord
        return TranscriptExchange(
            line: line, test: test, command: Hex.string(command), response: text(exchange.response.bytes),
            sw: statusWord.description, meaning: statusWord.meaning,
            wire: exchange.wire.map { TranscriptWire(command: Hex.string($0.command), response: text($0.response), seconds: $0.seconds) },
            seconds: exchange.seconds)
    }
}
