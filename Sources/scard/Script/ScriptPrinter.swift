import APDUScript
import FoundationEssentials
@preconcurrency import Glibc
import PCSC
import Synchronization

/// Prints script events as they happen: scriptor-style text or JSON lines, one reader or several.
final class ScriptPrinter: Sendable {
    let json: Bool
    let timing: Bool
    let wire: Bool
    /// Prints nothing (a report takes standard output).
    let quiet: Bool
    private let lock = Mutex(())

    init(json: Bool, timing: Bool, wire: Bool, quiet: Bool = false) {
        self.json = json
        self.timing = timing
        self.wire = wire
        self.quiet = quiet
    }

    /// The JSON form of one event.
    struct Record: Encodable {
        var reader: String?
        let line: Int
        var command: String?
        var response: String?
        var data: String?
        var sw: String?
        var meaning: String?
        var seconds: Double?
        var expected: String?
        var met: Bool?
        var mismatch: String?
        var wire: [ExchangePrinter.Wire]?
        var echo: String?
        var reset: String?
        var delayMilliseconds: Int?
        var test: String?
        var exit: Bool?
        var transaction: String?
    }

    /// The JSON summary of a run.
    struct Summary: Encodable {
        let summary = true
        var reader: String?
        let exchanges: Int
        let failures: Int
        let failedLines: [Int]
        let error: String?
        let errorLine: Int?
        let interruptedAtLine: Int?
        let seconds: Double
    }

    /// Prints lines, each after the reader's label when there is one, in one piece.
    func emit(_ lines: [String], label: String?) {
        guard !quiet else { return }
        var text = ""
        for line in lines {
            if let label { text += "[\(label)] " }
            text += line
            text += "\n"
        }
        lock.withLock { _ in StandardOutput.write(text) }
    }

    /// Prints UTF-8 text that already ends with a line break, as it is.
    func emit(_ text: UnsafeBufferPointer<UInt8>) {
        guard !quiet else { return }
        lock.withLock { _ in StandardOutput.write(text) }
    }

    /// Prints one event.
    func event(_ event: ScriptEvent, label: String?) {
        if json {
            emit([JSONLine.string(record(event, reader: label))], label: nil)
            return
        }
        switch event {
        case .exchange(let line, let exchange, let expectation, let met, let mismatch):
            if label == nil, met != false, !timing, !wire || exchange.wire.count < 2 {
                ExchangePrinter.withText(exchange) { emit($0) }
                return
            }
            var lines = ExchangePrinter.lines(exchange, showWire: wire, timing: timing)
            if met == false, let expectation {
                lines.append("! line \(line): expected \(expectation), got \(exchange.response)" + (mismatch.map { " (\($0))" } ?? ""))
            }
            emit(lines, label: label)
        case .echo(_, let text):
            emit([text], label: label)
        case .reset(_, let active):
            emit(["> reset", "< card reset, \(active)"], label: label)
        case .delay:
            break
        case .testSection(_, let name):
            emit(["# test: \(name)"], label: label)
        case .exit:
            break
        case .beginTransaction:
            emit(["> transaction begin"], label: label)
        case .endTransaction:
            emit(["> transaction end"], label: label)
        }
    }

    func record(_ event: ScriptEvent, reader: String?) -> Record {
        var record = Record(reader: reader, line: event.line)
        switch event {
        case .exchange(_, let exchange, let expectation, let met, let mismatch):
            let base = ExchangePrinter.record(exchange)
            record.command = base.command
            record.response = base.response
            record.data = base.data
            record.sw = base.sw
            record.meaning = base.meaning
            record.seconds = base.seconds
            record.wire = base.wire
            record.expected = expectation?.description
            record.met = met
            record.mismatch = mismatch
        case .echo(_, let text): record.echo = text
        case .reset(_, let active): record.reset = active.description
        case .delay(_, let milliseconds): record.delayMilliseconds = milliseconds
        case .testSection(_, let name): record.test = name
        case .exit: record.exit = true
        case .beginTransaction: record.transaction = "begin"
        case .endTransaction: record.transaction = "end"
        }
        return record
    }

    /// Prints the end of one reader's run (a JSON summary; text prints nothing here).
    func end(_ outcome: ScriptOutcome, label: String?) {
        guard json else { return }
        let summary = Summary(
            reader: label, exchanges: outcome.exchanges, failures: outcome.failedLines.count,
            failedLines: outcome.failedLines, error: outcome.error.map { $0.error.name },
            errorLine: outcome.error?.line, interruptedAtLine: outcome.interruptedAtLine, seconds: outcome.seconds)
        emit([JSONLine.string(summary)], label: nil)
    }

    /// Prints one line per reader after a run on several readers.
    func summary(_ results: [ReaderScriptRun.Result]) {
        guard !json else { return }
        var lines = ["summary:"]
        for result in results {
            let exchanges = result.outcome?.exchanges ?? 0
            let failures = result.outcome?.failedLines.count ?? 0
            let verdict = result.status == .success ? "ok" : (result.message ?? "failed")
            lines.append("  \(result.reader): \(exchanges) exchange(s), \(failures) failure(s), \(verdict)")
        }
        emit(lines, label: nil)
    }

    /// A progress bar on standard error for long scripts, when it is a terminal and output is text.
    func progress(total: Int, label: String?) -> ProgressBar? {
        guard !json, !quiet, label == nil, total >= 20, isatty(STDERR_FILENO) == 1 else { return nil }
        return ProgressBar(total: total)
    }
}
