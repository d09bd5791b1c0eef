import ScenarioKit

/// Prints a simulator's scenario report as text or as JSON lines, and says whether the run failed.
enum ScenarioOutput {
    /// Prints the report and, with `--trace`, the ledgers; returns the error the run ends with
    /// (exit 1), or nil when it passed. Examples pass `alwaysClean`: they must end with 0 live.
    static func finish(
        _ report: ScenarioReport, ledgers: [ScenarioLedger], options: ScenarioRunOptions, alwaysClean: Bool = false
    ) -> CLIError? {
        emit(report, json: options.json)
        if options.trace {
            if report.machines.isEmpty {
                for ledger in ledgers { LedgerOutput.trace(ledger.table, title: ledger.name) }
            }
            for machine in report.machines {
                for ledger in machine.ledgers { LedgerOutput.trace(ledger.table, title: machine.title(of: ledger)) }
            }
        }
        return failure(of: report, expectClean: options.expectClean || alwaysClean, option: options.expectClean)
    }

    /// Why a run failed: an unmet expectation, a stop, or (when it must end clean) live objects.
    static func failure(of report: ScenarioReport, expectClean: Bool, option: Bool) -> CLIError? {
        if report.failures > 0 {
            return CLIError(message: "\(report.failures) expectation(s) not met", status: .checkFailed)
        }
        if let stopped = report.stopped {
            return CLIError(message: "the run stopped: \(stopped)", status: .checkFailed)
        }
        if expectClean, report.liveTotal > 0 {
            let flag = option ? " (--expect-clean)" : ""
            return CLIError(message: "\(report.liveTotal) object(s) still live at the end\(flag)", status: .checkFailed)
        }
        return nil
    }

    /// Prints every step, then the live objects and the summary.
    static func emit(_ report: ScenarioReport, json: Bool) {
        if json {
            for step in report.steps {
                print(JSONLine.string(ScenarioJSONLines.Step(step)))
            }
            print(JSONLine.string(ScenarioJSONLines.Summary(report)))
        } else {
            for step in report.steps {
                print(text(of: step))
            }
            if let stopped = report.stopped {
                print("stopped: \(stopped)")
            }
            for (ledger, names) in report.live.sorted(by: { $0.key < $1.key }) {
                let list = names.isEmpty ? "" : ": " + names.joined(separator: ", ")
                print("live \(ledger): \(names.count)\(list)")
            }
            let failures = report.failures
            print(failures == 0 ? "all expectations met" : "\(failures) expectation(s) not met")
        }
    }

    /// One step as text: line, call, result, and any notes and ledger changes indented below; control
    /// characters the scenario's tokens hold are escaped, so each item stays on its own line.
    static func text(of step: ScenarioStep) -> String {
        var head = "\(step.line): \(step.call)"
        if !step.arguments.isEmpty { head += " " + step.arguments.joined(separator: " ") }
        head += " -> \(step.returned)"
        if let lastError = step.lastError { head += " (last error \(lastError))" }
        if let output = step.output { head += " \(output)" }
        for (name, value) in step.bound.sorted(by: { $0.key < $1.key }) {
            head += " [\(name)=\(value)]"
        }
        switch step.met {
        case true?: head += "  ok"
        case false?: head += "  FAILED: expected \(step.expected ?? "?")"
        case nil: break
        }
        var lines = [EchoedText.escaped(head)]
        lines += step.notes.map { "    ! " + EchoedText.escaped($0) }
        lines += step.events.map { "    ! " + EchoedText.escaped($0.description) }
        lines += step.ledgerDelta.map { "    ledger: " + EchoedText.escaped($0) }
        return lines.joined(separator: "\n")
    }
}
