import ScenarioKit

/// Scenario text written line by line, with what the model predicts for each line's expectation.
struct ScenarioText {
    /// The lines, in order.
    private(set) var lines: [String] = []
    /// Per 1-based line number with an expectation: whether the simulator must meet it.
    private(set) var predictions: [Int: Bool] = [:]
    /// How many `@reboot` lines the text has.
    private(set) var reboots = 0

    /// The whole text, for the parser.
    var source: String { lines.joined(separator: "\n") + "\n" }

    /// A line with no expectation.
    mutating func plain(_ line: String) {
        lines.append(line)
    }

    /// A call line with `=> expected`, which must be met (or, with `met: false`, missed).
    mutating func call(_ line: String, _ expected: String, met: Bool = true) {
        lines.append("\(line) => \(expected)")
        predictions[lines.count] = met
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
                mismatch("line \(line) '\(text.lines[line - 1])': met \(String(describing: step?.met)), returned \(step?.returned ?? "nothing"), model says met \(predicted)")
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
