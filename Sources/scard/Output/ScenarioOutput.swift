import Foundation
import ScenarioKit

/// Prints a simulator's scenario report as text or as JSON lines, and picks the exit code.
enum ScenarioOutput {
    /// Prints every step, then the live objects; returns the exit code (0 all met, 1 otherwise).
    static func emit(_ report: ScenarioReport, json: Bool, expectClean: Bool) -> Int32 {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for step in report.steps {
                if let data = try? encoder.encode(step) {
                    print(String(decoding: data, as: UTF8.self))
                }
            }
            let summary = Summary(
                summary: true, steps: report.steps.count, failures: report.failures,
                live: report.live, stopped: report.stopped)
            if let data = try? encoder.encode(summary) {
                print(String(decoding: data, as: UTF8.self))
            }
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
        if report.failures > 0 || report.stopped != nil { return 1 }
        if expectClean && report.liveTotal > 0 { return 1 }
        return 0
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
        lines += step.ledgerDelta.map { "    ledger: " + EchoedText.escaped($0) }
        return lines.joined(separator: "\n")
    }

    private struct Summary: Encodable {
        let summary: Bool
        let steps: Int
        let failures: Int
        let live: [String: [String]]
        let stopped: String?
    }
}
