import ScenarioKit

/// Scenario text written line by line, with what the model predicts for each line's expectation.
struct ScenarioText {
    /// The lines, in order.
    private(set) var lines: [String] = []
    /// Per 1-based line number with an expectation: whether the simulator must meet it.
    private(set) var predictions: [Int: Bool] = [:]
    /// Per 1-based line number of a call: whether it must return `pending` (stopped or waiting).
    private(set) var waits: [Int: Bool] = [:]
    /// How many `@reboot` lines the text has.
    private(set) var reboots = 0

    /// The whole text, for the parser.
    var source: String { lines.joined(separator: "\n") + "\n" }

    /// A line with no expectation.
    mutating func plain(_ line: String) {
        lines.append(line)
    }

    /// A call line with `=> expected`, which must be met (or, with `met: false`, missed); with
    /// `expected` empty, a line checked against an expectation written earlier (`@resume T1`).
    mutating func call(_ line: String, _ expected: String, met: Bool = true) {
        lines.append(expected.isEmpty ? line : "\(line) => \(expected)")
        predictions[lines.count] = met
    }

    /// A call whose expectation is checked later, at its `@resume`: it must return `pending` or
    /// (with `waits: false`) not.
    mutating func pending(_ line: String, _ expected: String, waits: Bool) {
        lines.append("\(line) => \(expected)")
        self.waits[lines.count] = waits
        if !waits { predictions[lines.count] = true }
    }

    /// `@expect NAME PROPERTY => VALUE`.
    mutating func expect(_ name: String, _ property: String, _ value: String, met: Bool = true) {
        call("@expect \(name) \(property)", value, met: met)
    }

    /// `@reboot`.
    mutating func reboot() {
        lines.append("@reboot")
        reboots += 1
    }
}

/// Counts lines, expectations and disagreements over many random scenario runs.
struct ScenarioTally {
    var lines = 0
    var sequences = 0
    var expectations = 0
    var wrong = 0
    var reboots = 0
    var waits = 0
    var mismatches = 0
    var examples: [String] = []

    /// The figures, for the model test's output line.
    var summary: String {
        "\(lines) lines, \(sequences) sequences, \(expectations) expectations (\(wrong) wrong ones missed), \(reboots) reboots, \(mismatches) mismatches"
    }

    mutating func mismatch(_ text: String) {
        mismatches += 1
        if examples.count < 10 { examples.append("sequence \(sequences): \(text)") }
    }

    /// Checks that each predicted line was met exactly as predicted and that each `@reboot` started
    /// a machine; prints the scenario with the first mismatches.
    mutating func check(_ report: ScenarioReport, against text: ScenarioText) {
        sequences += 1
        lines += text.lines.count
        reboots += text.reboots
        let before = mismatches
        var steps: [Int: ScenarioStep] = [:]
        for step in report.steps where steps[step.line] == nil { steps[step.line] = step }
        for (line, predicted) in text.predictions.sorted(by: { $0.key < $1.key }) {
            expectations += 1
            if !predicted { wrong += 1 }
            let step = steps[line]
            if step?.met != predicted {
                mismatch("line \(line) '\(text.lines[line - 1])': met \(String(describing: step?.met)), returned \(step?.returned ?? "nothing") \(step?.output ?? ""), model says met \(predicted)")
            }
        }
        for (line, predicted) in text.waits.sorted(by: { $0.key < $1.key }) {
            if predicted { waits += 1 }
            if (steps[line]?.returned == "pending") != predicted {
                mismatch("line \(line) '\(text.lines[line - 1])': returned \(steps[line]?.returned ?? "nothing"), model says pending \(predicted)")
            }
        }
        if report.machines.count != text.reboots + 1 {
            mismatch("\(report.machines.count) machines for \(text.reboots) @reboot lines")
        }
        if mismatches > before, examples.count < 12 {
            examples.append(text.lines.enumerated().map { "\($0.offset + 1): \($0.element)" }.joined(separator: "\n"))
        }
    }
}
