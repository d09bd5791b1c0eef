import Glibc
import PCSC

/// Runs a parsed script against a connected card, line by line, reporting each event as it happens.
public struct ScriptRunner: Sendable {
    /// The card the script talks to.
    public let card: Card
    /// The run's options.
    public let options: ScriptRunOptions

    /// Creates a runner for `card`.
    public init(card: Card, options: ScriptRunOptions = ScriptRunOptions()) {
        self.card = card
        self.options = options
    }

    /// Runs every line in order, calling `report` after each one; stops at `exit`, at a PC/SC error
    /// (reported in the outcome with its line), at a failed expectation unless `keepGoing`, or when
    /// a stop is requested.
    ///
    /// Each APDU is one logical exchange, with its GET RESPONSEs and resend inside a transaction of
    /// its own; inside a `transaction begin` ... `transaction end` block, or the whole run with
    /// ``ScriptRunOptions/wholeTransaction``, the script holds one transaction and the exchanges
    /// begin none. However the run ends, a transaction still held is ended; when the run had
    /// otherwise succeeded, a failure to end it (the card reset or removed) is the run's error.
    public func run(_ script: APDUScript, report: (ScriptEvent) -> Void) -> ScriptOutcome {
        var outcome = ScriptOutcome()
        var transaction = ScriptTransaction(card: card, wholeRun: options.wholeTransaction)
        if options.wholeTransaction {
            do {
                try transaction.beginWholeRun()
            } catch {
                outcome.error = (script.lines.first?.number ?? 1, error)
                return outcome
            }
        }
        let last = runLines(script, outcome: &outcome, transaction: &transaction, report: report)
        transaction.finish(at: last, outcome: &outcome)
        return outcome
    }

    /// Runs the lines; returns the number of the last line reached.
    private func runLines(
        _ script: APDUScript, outcome: inout ScriptOutcome, transaction: inout ScriptTransaction,
        report: (ScriptEvent) -> Void
    ) -> Int {
        let own = options.transmit
        var held = options.transmit
        held.ownTransaction = false
        for line in script.lines {
            if options.stopRequested() {
                outcome.interruptedAtLine = line.number
                return line.number
            }
            switch line.kind {
            case .apdu(let bytes, let expectation):
                let exchange: Exchange
                do {
                    let command = try CommandAPDU(bytes: bytes)
                    exchange = try card.transmit(command, options: transaction.isHeld ? held : own)
                } catch let error as PCSCError {
                    outcome.error = (line.number, error)
                    return line.number
                } catch {
                    outcome.error = (line.number, .invalidParameter)
                    return line.number
                }
                outcome.exchanges += 1
                outcome.seconds += exchange.seconds
                var met: Bool?
                var mismatch: String?
                if let expectation {
                    mismatch = expectation.mismatch(in: exchange.response.bytes)
                    met = mismatch == nil
                }
                report(.exchange(line: line.number, exchange: exchange, expectation: expectation, met: met, mismatch: mismatch))
                if met == false {
                    outcome.failedLines.append(line.number)
                    if !options.keepGoing {
                        outcome.stoppedAtLine = line.number
                        return line.number
                    }
                }
            case .reset:
                do {
                    let active = try card.reconnect(
                        share: options.connection.share, protocols: options.connection.protocols, initialization: .reset)
                    report(.reset(line: line.number, activeProtocol: active, atr: (try? card.status().atr) ?? []))
                } catch {
                    outcome.error = (line.number, error)
                    return line.number
                }
            case .beginTransaction:
                do {
                    try transaction.beginBlock()
                    report(.beginTransaction(line: line.number))
                } catch {
                    outcome.error = (line.number, error)
                    return line.number
                }
            case .endTransaction:
                do {
                    try transaction.endBlock()
                    report(.endTransaction(line: line.number))
                } catch {
                    outcome.error = (line.number, error)
                    return line.number
                }
            case .echo(let text):
                report(.echo(line: line.number, text: text))
            case .delay(let milliseconds):
                guard wait(milliseconds: milliseconds) else {
                    outcome.interruptedAtLine = line.number
                    return line.number
                }
                report(.delay(line: line.number, milliseconds: milliseconds))
            case .testSection(let name):
                report(.testSection(line: line.number, name: name))
            case .exit:
                report(.exit(line: line.number))
                return line.number
            }
        }
        return script.lines.last?.number ?? 1
    }

    /// Sleeps for a delay line in short steps; false when a stop was requested meanwhile.
    private func wait(milliseconds: Int) -> Bool {
        var left = min(milliseconds, 3_600_000)
        while left > 0 {
            if options.stopRequested() { return false }
            let step = min(left, 50)
            usleep(useconds_t(step) * 1000)
            left -= step
        }
        return true
    }
}
