import ScenarioKit

/// Scenario text written line by line, with what the model predicts for each line's expectation.
public struct ScenarioText {
    /// Empty text.
    public init() {}

    /// The lines, in order.
    public private(set) var lines: [String] = []
    /// Per 1-based line number with an expectation: whether the simulator must meet it.
    public private(set) var predictions: [Int: Bool] = [:]
    /// Per 1-based line number of a call: whether it must return `pending` (stopped or waiting).
    public private(set) var waits: [Int: Bool] = [:]
    /// How many `@reboot` lines the text has.
    public private(set) var reboots = 0

    /// The whole text, for the parser.
    public var source: String { lines.joined(separator: "\n") + "\n" }

    /// A line with no expectation.
    public mutating func plain(_ line: String) {
        lines.append(line)
    }

    /// A call line with `=> expected`, which must be met (or, with `met: false`, missed); with
    /// `expected` empty, a line checked against an expectation written earlier (`@resume T1`).
    public mutating func call(_ line: String, _ expected: String, met: Bool = true) {
        lines.append(expected.isEmpty ? line : "\(line) => \(expected)")
        predictions[lines.count] = met
    }

    /// A call whose expectation is checked later, at its `@resume`: it must return `pending` or
    /// (with `waits: false`) not.
    public mutating func pending(_ line: String, _ expected: String, waits: Bool) {
        lines.append("\(line) => \(expected)")
        self.waits[lines.count] = waits
        if !waits { predictions[lines.count] = true }
    }

    /// `@expect NAME PROPERTY => VALUE`.
    public mutating func expect(_ name: String, _ property: String, _ value: String, met: Bool = true) {
        call("@expect \(name) \(property)", value, met: met)
    }

    /// `@reboot`.
    public mutating func reboot() {
        lines.append("@reboot")
        reboots += 1
    }
}

/// Counts lines, expectations and disagreements over many random scenario runs.
public struct ScenarioTally {
    /// An empty tally.
    public init() {}

    /// Scenario lines run.
    public var lines = 0
    /// Scenarios run.
    public var sequences = 0
    /// Expectations checked.
    public var expectations = 0
    /// Expectations written wrong on purpose, which must be missed.
    public var wrong = 0
    /// `@reboot` lines run.
    public var reboots = 0
    /// Calls that had to wait or stop (`pending`).
    public var waits = 0
    /// Lines where the simulator and the model disagree.
    public var mismatches = 0
    /// The first disagreements, and the scenarios they came from.
    public var examples: [String] = []

    /// The figures, for the model test's output line.
    public var summary: String {
        "\(lines) lines, \(sequences) sequences, \(expectations) expectations (\(wrong) wrong ones missed), \(reboots) reboots, \(mismatches) mismatches"
    }

    /// Counts one disagreement and keeps its text among the first ten.
    public mutating func mismatch(_ text: String) {
        mismatches += 1
        if examples.count < 10 { examples.append("sequence \(sequences): \(text)") }
    }

    /// Checks that each predicted line was met exactly as predicted and that each `@reboot` started
    /// a machine; prints the scenario with the first mismatches.
    public mutating func check(_ report: ScenarioReport, against text: ScenarioText) {
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
