import ContextCore
import FoundationEssentials
import PCSC

/// One run's PC/SC state: the resource manager (traced when asked, its calls watched by the run
/// guard against deadlines) and the chosen reader.
struct Session: Sendable {
    /// The manager every command goes through.
    let manager: ResourceManager
    /// Whether `--trace` is on.
    let tracing: Bool

    /// Creates a manager whose calls go to standard error when tracing, and starts the run guard
    /// with `timeout` seconds per call (nil: `$SCARD_TIMEOUT` or the defaults).
    init(trace: Bool, timeout: Double? = nil, ledgerCapacity: Int? = nil) {
        tracing = trace
        RunGuard.shared.start(deadlines: Deadlines.resolve(timeout))
        let tracer: PCSCTracer? = trace ? PCSCTracer { call in StandardError.write("trace: \(call)") } : nil
        manager = ResourceManager(tracer: tracer, ledgerCapacity: ledgerCapacity, calls: RunGuard.shared.calls)
    }

    /// Establishes a context, mapping failure to a CLI error.
    func establish() throws -> Context {
        do {
            return try manager.establishContext()
        } catch {
            throw CLIError.pcsc(error, while: "cannot reach pcscd")
        }
    }

    /// The reader the user named, or the first reader with a card (else the first reader).
    func chooseReader(_ spec: String?, in context: Context) throws -> String {
        let names: [String]
        do {
            names = try context.readerNames()
        } catch {
            throw CLIError.pcsc(error, while: "cannot list readers")
        }
        if names.isEmpty { throw CLIError(message: "no readers are connected", status: .noCard) }
        return try chooseReader(spec, among: names, context: context)
    }

    /// The reader `spec` names among `names`, or without `spec` the first holding a card (else the first).
    func chooseReader(_ spec: String?, among names: [String], context: Context) throws -> String {
        let holding = spec == nil ? (try? context.readersHoldingCard(names)) ?? [] : []
        do {
            return try ReaderSelection.choose(spec, from: names, holdingCard: holding)
        } catch {
            throw CLIError(message: error.description, status: .noCard)
        }
    }

    /// Connects to the card in `reader`, mapping "no card" to its own message.
    func connect(_ context: Context, reader: String) throws -> Card {
        do {
            return try context.connect(reader: reader)
        } catch {
            throw Self.connectionError(error, reader: reader)
        }
    }

    /// The CLI error for a failed connection to the card in `reader`: "no card" in its own words.
    static func connectionError(_ error: PCSCError, reader: String) -> CLIError {
        if error == .noSmartcard || error == .removedCard || error == .unresponsiveCard {
            return CLIError(message: "no card in reader '\(reader)' (\(error.name))", status: .noCard)
        }
        return CLIError.pcsc(error, while: "cannot connect to '\(reader)'")
    }

    /// Parses an APDU given on the command line; `position` (from 1) names it in the error.
    static func commandAPDU(_ text: String, position: Int) throws -> CommandAPDU {
        do {
            return try CommandAPDU(hex: text)
        } catch {
            throw CLIError.usage("APDU \(position) '\(text.prefix(40))': \(error)")
        }
    }

    /// Prints the ledger to standard error when tracing.
    func finish() {
        if tracing { LedgerOutput.trace(manager.table) }
    }
}
