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
    /// Whether a progress bar may be drawn (not with `--no-progress`).
    let showsProgress: Bool
    private let lock = Mutex(())

    /// Whether each response's data is decoded as BER-TLV when it is (`--tlv`).
    let tlv: Bool

    init(json: Bool, timing: Bool, wire: Bool, quiet: Bool = false, showsProgress: Bool = true, tlv: Bool = false) {
        self.tlv = tlv
        self.showsProgress = showsProgress
        self.json = json
        self.timing = timing
        self.wire = wire
        self.quiet = quiet
    }

    /// Where a run's JSON lines come from: the reader (on every line with `--all-readers`, on the
    /// summary always) and the file (on every line of a multi-file run).
    struct Origin: Sendable {
        /// The reader the run is on.
        let reader: ReaderReference
        /// Whether every line names the reader (`--all-readers`).
        let everyLine: Bool
        /// The script file, when several run.
        let file: String?
    }

    /// The JSON form of one event (Docs/json.md).
    struct Record: Encodable {
        let type: String
        var reader: ReaderReference?
        var file: String?
        let line: Int
        var command: String?
        var response: String?
        var data: String?
        var sw: String?
        var meaning: String?
        var seconds: Double?
        var expected: String?
        var expectedSW: String?
        var met: Bool?
        var mismatch: String?
        var wire: [ExchangePrinter.Wire]?
        var text: String?
        var `protocol`: String?
        var name: String?
        var action: String?
        var atr: String?
        var tlv: [TLVTree.Node]?
    }

    /// The JSON summary of a run.
    struct Summary: Encodable {
        let type = "summary"
        let reader: ReaderReference
        var file: String?
        let exchangeCount: Int
        let failureCount: Int
        let failedLines: [Int]
        let seconds: Double
        var stoppedAtLine: Int?
        var stopReason: String?
        var error: String?
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
    func event(_ event: ScriptEvent, label: String?, origin: Origin) {
        if json {
            emit([JSONLine.string(record(event, origin: origin))], label: nil)
            return
        }
        switch event {
        case .exchange(let line, let exchange, let expectation, let met, let mismatch):
            let decoded = tlv ? BERTLV.decodeIfTLV(exchange.response.data) : nil
            if label == nil, met != false, !timing, !wire || exchange.wire.count < 2, decoded == nil {
                ExchangePrinter.withText(exchange) { emit($0) }
                return
            }
            var lines = ExchangePrinter.lines(exchange, showWire: wire, timing: timing)
            if let decoded { lines += TLVTree.lines(decoded, indent: "    ") }
            if met == false, let expectation {
                lines.append("! line \(line): expected \(expectation), got \(exchange.response)" + (mismatch.map { " (\($0))" } ?? ""))
            }
            emit(lines, label: label)
        case .echo(_, let text):
            emit([text], label: label)
        case .reset(_, let active, let atr):
            emit(["> reset", "< card reset, \(active)" + (atr.isEmpty ? "" : ", ATR \(Hex.string(atr))")], label: label)
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

    /// The JSON record of one event.
    func record(_ event: ScriptEvent, origin: Origin) -> Record {
        var record = Record(type: Self.type(of: event), line: event.line)
        record.reader = origin.everyLine ? origin.reader : nil
        record.file = origin.file
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
            if tlv { record.tlv = BERTLV.decodeIfTLV(exchange.response.data).map(TLVTree.nodes) }
            if let expectation {
                let pattern = JSONValue.compact(expectation.elements.map(\.description).joined())
                if expectation.scope == .statusWord { record.expectedSW = pattern } else { record.expected = pattern }
            }
            record.met = met
            record.mismatch = mismatch
        case .echo(_, let text): record.text = text
        case .reset(_, let active, let atr):
            record.protocol = active.description
            record.atr = atr.isEmpty ? nil : JSONValue.hex(atr)
        case .delay(_, let milliseconds): record.seconds = Double(milliseconds) / 1000
        case .testSection(_, let name): record.name = name
        case .exit: break
        case .beginTransaction: record.action = "begin"
        case .endTransaction: record.action = "end"
        }
        return record
    }

    /// The `type` of an event's JSON line.
    static func type(of event: ScriptEvent) -> String {
        switch event {
        case .exchange: return "exchange"
        case .echo: return "echo"
        case .reset: return "reset"
        case .delay: return "delay"
        case .testSection: return "test"
        case .exit: return "exit"
        case .beginTransaction, .endTransaction: return "transaction"
        }
    }

    /// Prints the end of one reader's run (a JSON summary; text prints nothing here).
    func end(_ outcome: ScriptOutcome, origin: Origin) {
        guard json else { return }
        var summary = Summary(
            reader: origin.reader, file: origin.file, exchangeCount: outcome.exchanges,
            failureCount: outcome.failedLines.count, failedLines: outcome.failedLines, seconds: outcome.seconds)
        if let (line, error) = outcome.error {
            summary.stoppedAtLine = line
            summary.stopReason = error == .timeout ? "timeout" : "error"
            summary.error = error.name
        } else if let line = outcome.interruptedAtLine {
            summary.stoppedAtLine = line
            summary.stopReason = "interrupted"
        } else if let line = outcome.stoppedAtLine {
            summary.stoppedAtLine = line
            summary.stopReason = "expectation"
        }
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
        guard showsProgress, !json, !quiet, label == nil, total >= 20, isatty(STDERR_FILENO) == 1 else { return nil }
        return ProgressBar(total: total)
    }
}
