import ScenarioKit

/// The simulators' `--json` lines in the vocabulary of Docs/json.md: a `step` line per scenario
/// line, then a `summary` line; hex upper case without blanks, counts named `...Count`.
enum ScenarioJSONLines {
    /// One scenario line's outcome.
    struct Step: Encodable {
        let type = "step"
        let line: Int
        let call: String
        let arguments: [String]
        let returned: String
        let lastError: String?
        let output: String?
        let bound: [String: String]
        let met: Bool?
        let expected: String?
        let notes: [String]
        let ledgerDelta: [String]
        let events: [ScenarioEvent]
        let bugCheck: BugCheck?

        init(_ step: ScenarioStep) {
            line = step.line
            call = step.call
            arguments = step.arguments
            returned = step.returned
            lastError = step.lastError
            output = step.output?.uppercased()
            bound = step.bound
            met = step.met
            expected = step.expected
            notes = step.notes
            ledgerDelta = step.ledgerDelta
            events = step.events
            bugCheck = step.bugCheck.map(BugCheck.init)
        }
    }

    /// A bug check: the code as 4 bytes of hex, each parameter as 8 (a ULONG and ULONG_PTRs on
    /// 64-bit Windows), and the code's name.
    struct BugCheck: Encodable {
        let code: String
        let name: String
        let parameters: [String]

        init(_ check: ScenarioBugCheck) {
            code = Self.hex(UInt64(check.code), digits: 8)
            name = check.name
            parameters = check.parameters.map { Self.hex($0, digits: 16) }
        }

        static func hex(_ value: UInt64, digits: Int) -> String {
            let text = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
    }

    /// The run's summary: steps, unmet expectations and their lines, what is still live, and where
    /// and why the run stopped early.
    struct Summary: Encodable {
        let type = "summary"
        let stepCount: Int
        let failureCount: Int
        let failedLines: [Int]
        let liveObjects: [String: [String]]
        let liveCount: Int
        let stoppedAtLine: Int?
        let stopReason: String?
        let stopped: String?

        init(_ report: ScenarioReport) {
            stepCount = report.steps.count
            failureCount = report.failures
            failedLines = report.steps.filter { $0.met == false }.map(\.line)
            liveObjects = report.live
            liveCount = report.liveTotal
            stoppedAtLine = report.stoppedAtLine
            stopReason = report.stopReason?.rawValue
            stopped = report.stopped
        }
    }
}
