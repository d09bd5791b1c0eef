import APDUScript
import PCSC

/// How far one reader's script run has got, for the run guard: the line in progress and the totals
/// its summary shows, so that a run the guard abandons still names its line and prints its summary.
final class ScriptRunProgress: Sendable {
    /// The totals so far.
    struct Totals: Sendable {
        /// Whether the script's first line has started (the card is connected).
        var started = false
        /// Whether the run printed its own end.
        var ended = false
        /// The index, in the script's lines, of the line in progress.
        var next = 0
        var exchanges = 0
        var failedLines: [Int] = []
        var seconds = 0.0
    }

    private let totals = SharedProgress(Totals())
    /// The script's line numbers, in order.
    private let lines: [Int]

    /// Follows a run of `script`.
    init(script: APDUScript) {
        lines = script.lines.map(\.number)
    }

    /// The script's first line starts.
    func start() {
        totals.update { $0.started = true }
    }

    /// A line reported `event`: the line in progress is now the one after it.
    func record(_ event: ScriptEvent) {
        totals.update { totals in
            while totals.next < lines.count && lines[totals.next] <= event.line { totals.next += 1 }
            if case .exchange(_, let exchange, _, let met, _) = event {
                totals.exchanges += 1
                totals.seconds += exchange.seconds
                if met == false { totals.failedLines.append(event.line) }
            }
        }
    }

    /// The run printed its own end.
    func end() {
        totals.update { $0.ended = true }
    }

    /// Prints the JSON summary the run would have printed (when it had started and not yet ended),
    /// and says where it was: `line 3` after `2 exchange(s)`.
    func report(_ abandonment: Abandonment, printer: ScriptPrinter, label: String?, origin: ScriptPrinter.Origin) -> RunProgress {
        let now = totals.current
        let line = now.started && !now.ended && now.next < lines.count ? lines[now.next] : nil
        if printer.json, now.started, !now.ended {
            var deadline = false
            if case .deadline = abandonment.reason { deadline = true }
            var summary = ScriptPrinter.Summary(
                reader: origin.reader, file: origin.file, exchangeCount: now.exchanges,
                failureCount: now.failedLines.count, failedLines: now.failedLines, seconds: now.seconds)
            summary.stoppedAtLine = line
            summary.stopReason = line == nil ? nil : (deadline ? "timeout" : "interrupted")
            summary.error = deadline && line != nil ? PCSCError.timeout.name : nil
            printer.emit([JSONLine.string(summary)], label: nil)
        }
        let place = [label, line.map { "line \($0)" }].compactMap { $0 }.joined(separator: ": ")
        return RunProgress(place: place.isEmpty ? nil : place, done: now.started ? "\(now.exchanges) exchange(s)" : nil)
    }
}
