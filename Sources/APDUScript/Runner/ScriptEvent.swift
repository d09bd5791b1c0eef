import PCSC

/// Something that happened while a script ran, reported as it happens so nothing done is lost.
public enum ScriptEvent: Sendable {
    /// An APDU line was sent and answered; `expectation` and `met` are set when the line had one.
    case exchange(line: Int, exchange: Exchange, expectation: ResponsePattern?, met: Bool?, mismatch: String?)
    /// An `echo` line.
    case echo(line: Int, text: String)
    /// A `reset` line reconnected with a card reset; the protocol now in use and the card's new ATR
    /// (empty when the status could not be read).
    case reset(line: Int, activeProtocol: Protocols, atr: [UInt8])
    /// A `delay` line waited.
    case delay(line: Int, milliseconds: Int)
    /// A `# test: NAME` comment started a test case.
    case testSection(line: Int, name: String)
    /// An `exit` line ended the script.
    case exit(line: Int)
    /// A `transaction begin` line began a transaction (or, inside a whole-run transaction, marked
    /// the start of its block).
    case beginTransaction(line: Int)
    /// A `transaction end` line ended the block's transaction.
    case endTransaction(line: Int)

    /// The script line the event belongs to.
    public var line: Int {
        switch self {
        case .exchange(let line, _, _, _, _), .echo(let line, _), .reset(let line, _, _), .delay(let line, _),
            .testSection(let line, _), .exit(let line), .beginTransaction(let line), .endTransaction(let line):
            return line
        }
    }
}

/// How a script run ended.
public struct ScriptOutcome: Sendable {
    /// The number of APDUs exchanged.
    public var exchanges = 0
    /// The lines whose expectation was not met, in order.
    public var failedLines: [Int] = []
    /// The PC/SC error that stopped the run, and the line it happened on.
    public var error: (line: Int, error: PCSCError)?
    /// The line whose failed expectation stopped the run (without `keepGoing`).
    public var stoppedAtLine: Int?
    /// The line the run was interrupted before (or during, for a delay), when a stop was requested.
    public var interruptedAtLine: Int?
    /// The total time spent in exchanges, in seconds.
    public var seconds = 0.0

    /// Whether every line ran and every expectation was met.
    public var succeeded: Bool { failedLines.isEmpty && error == nil && interruptedAtLine == nil }
}

/// Options of a script run.
public struct ScriptRunOptions: Sendable {
    /// Go on after a failed expectation (and count failures) instead of stopping.
    public var keepGoing: Bool
    /// How T=0 procedure answers are handled.
    public var transmit: TransmitOptions
    /// Run the whole script as one PC/SC transaction (`scard script --transaction`); its
    /// `transaction begin` and `transaction end` lines then only mark blocks already inside it.
    public var wholeTransaction: Bool
    /// Asked before each line and during delays: true stops the run there (Ctrl-C).
    public var stopRequested: @Sendable () -> Bool
    /// How the session connects (share mode, protocols, a reset on connecting); a `reset` line
    /// reconnects with the same share mode and protocols.
    public var connection: ConnectionRequest

    /// Creates options.
    public init(
        keepGoing: Bool = false, transmit: TransmitOptions = TransmitOptions(), wholeTransaction: Bool = false,
        stopRequested: @escaping @Sendable () -> Bool = { false }, connection: ConnectionRequest = ConnectionRequest()
    ) {
        self.keepGoing = keepGoing
        self.transmit = transmit
        self.wholeTransaction = wholeTransaction
        self.stopRequested = stopRequested
        self.connection = connection
    }
}
