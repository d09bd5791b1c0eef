import Foundation
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
    public func run(_ script: APDUScript, report: (ScriptEvent) -> Void) -> ScriptOutcome {
        var outcome = ScriptOutcome()
        for line in script.lines {
            if options.stopRequested() {
                outcome.interruptedAtLine = line.number
                return outcome
            }
            switch line.kind {
            case .apdu(let bytes, let expectation):
                let exchange: Exchange
                do {
                    let command = try CommandAPDU(bytes: bytes)
                    exchange = try card.transmit(command, options: options.transmit)
                } catch let error as PCSCError {
                    outcome.error = (line.number, error)
                    return outcome
                } catch {
                    outcome.error = (line.number, .invalidParameter)
                    return outcome
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
                        return outcome
                    }
                }
            case .reset:
                do {
                    let active = try card.reconnect(initialization: .reset)
                    report(.reset(line: line.number, activeProtocol: active))
                } catch {
                    outcome.error = (line.number, error)
                    return outcome
                }
            case .echo(let text):
                report(.echo(line: line.number, text: text))
            case .delay(let milliseconds):
                guard wait(milliseconds: milliseconds) else {
                    outcome.interruptedAtLine = line.number
                    return outcome
                }
                report(.delay(line: line.number, milliseconds: milliseconds))
            case .testSection(let name):
                report(.testSection(line: line.number, name: name))
            case .exit:
                report(.exit(line: line.number))
                return outcome
            }
        }
        return outcome
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
