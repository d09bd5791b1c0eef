import APDUScript
import PCSC

/// An interactive session at one card: the context, the reader and connection in use, what the
/// lines typed so far have done, and the recording of them. Each line runs to its end before the
/// next is read; card calls run on a thread of their own, so that Ctrl-C gives the prompt back
/// even when the card or pcscd does not answer.
final class ShellSession {
    /// The run's PC/SC session (manager, tracing, run guard).
    let session: Session
    /// How to connect (share mode, protocols, a reset on connecting).
    let request: ConnectionRequest
    /// T=0 handling and the show-wire option, as in `send`.
    let transmit: TransmitOptions
    /// Whether to show the wire exchanges under each logical exchange.
    let showWire: Bool
    /// The card's names for an ATR (from the ATR database), for `atr`.
    let cardNames: @Sendable ([UInt8]) -> [String]
    /// Where the session is recorded as a script, when asked.
    var recorder: ShellRecorder?

    /// The context; replaced by a fresh one when a card call was abandoned.
    var context: Context?
    /// The reader in use.
    var reader: String?
    /// The connection to the card in ``reader``, when there is one.
    var card: Card?
    /// How many expectations were not met.
    var failures = 0
    /// How many lines ended with an error.
    var errors = 0
    /// Whether a transaction begun with `transaction begin` is held.
    var inTransaction = false

    /// Creates a session; nothing is connected until ``start(reader:)``.
    init(
        session: Session, request: ConnectionRequest, transmit: TransmitOptions, showWire: Bool,
        recorder: ShellRecorder?, cardNames: @escaping @Sendable ([UInt8]) -> [String]
    ) {
        self.session = session
        self.request = request
        self.transmit = transmit
        self.showWire = showWire
        self.recorder = recorder
        self.cardNames = cardNames
    }

    /// Establishes the context and connects to the reader `spec` names (or the default one). A
    /// missing card is reported and the shell goes on; pcscd not running or an unknown reader is thrown.
    func start(reader spec: String?) throws {
        let context = try session.establish()
        self.context = context
        let name = try session.chooseReader(spec, in: context)
        reader = name
        connect(reporting: true)
    }

    /// The prompt: `scard Virtual PCD 00 00> `, or with `(no card)` when nothing is connected.
    var prompt: String {
        guard let reader else { return "scard> " }
        return card == nil ? "scard \(reader) (no card)> " : "scard \(reader)> "
    }

    /// Connects to the card in the current reader; reports a failure when `reporting`.
    @discardableResult
    func connect(reporting: Bool) -> Bool {
        guard let reader, let context = liveContext() else { return false }
        let request = self.request
        let session = self.session
        let result: Result<Card, CLIError>? = ShellInterrupt.run {
            do {
                return .success(try session.connect(context, reader: reader, request: request))
            } catch let error as CLIError {
                return .failure(error)
            } catch {
                return .failure(CLIError(message: "\(error)", status: .pcscError))
            }
        }
        switch result {
        case .success(let card):
            self.card = card
            let active = (try? card.activeProtocol()).map { "\($0)" } ?? "?"
            if reporting {
                print("connected to \(reader), \(active)")
                if let atr = try? card.status().atr { cardNames(atr).forEach { print("card: \($0)") } }
            }
            recorder?.comment("reader: \(reader), \(active)")
            return true
        case .failure(let error):
            if reporting { report(error.message) }
            return false
        case nil:
            abandon("connecting")
            return false
        }
    }

    /// The context, established again when an abandoned call took the last one.
    func liveContext() -> Context? {
        if let context { return context }
        do {
            let context = try session.establish()
            self.context = context
            return context
        } catch {
            report("\(error)")
            return nil
        }
    }

    /// Leaves a call that Ctrl-C interrupted to itself: its connection and context are dropped
    /// unreleased (the call holds them), and the next line connects again in a fresh context.
    func abandon(_ what: String) {
        ShellInterrupt.abandonCurrentCall()
        ShellInterrupt.clear()
        print("")
        report("interrupted while \(what): the call was left to itself; the next line connects again")
        card = nil
        context = nil
        inTransaction = false
        errors += 1
    }

    /// Drops the connection after a card error, so that the next line connects again.
    func dropConnection() {
        if let card { try? card.disconnect() }
        card = nil
        inTransaction = false
    }

    /// Switches to the reader `spec` names (index, exact name or unique part).
    func switchReader(to spec: String) {
        guard let context = liveContext() else { return }
        let name: String
        do {
            try ReaderOption.validate(spec)
            name = try session.chooseReader(spec, in: context)
        } catch {
            report("\(error)")
            return
        }
        if card != nil { dropConnection() }
        reader = name
        connect(reporting: true)
    }

    /// Prints the readers, with `*` before the one in use.
    func listReaders() {
        guard let context = liveContext() else { return }
        let names = (try? context.readerNames()) ?? []
        if names.isEmpty { print("no readers") }
        for (index, name) in names.enumerated() {
            print("\(name == reader ? "*" : " ") \(index): \(name)")
        }
    }

    /// Prints a problem as `scard` prints errors, on standard error, and counts it.
    func report(_ message: String) {
        StandardOutput.flush()
        StandardError.write("scard: \(message)")
    }
}
