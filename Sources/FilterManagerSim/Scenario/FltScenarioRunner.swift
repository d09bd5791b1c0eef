import ContextCore
import ScenarioKit

/// Runs Filter Manager scenario files (section 0 of the semantics, with the directives of
/// Docs/flt.md) on a ``FilterManager`` and reports each line's outcome.
public struct FltScenarioRunner: ScenarioRunner {
    /// The machine the scenario runs on; make one per run.
    public let machine: FilterManager

    /// Creates a runner on a machine (a fresh one by default).
    public init(machine: FilterManager = FilterManager()) {
        self.machine = machine
    }

    /// The name of the runner's ledger in reports.
    public var ledgerName: String { machine.table.name }

    /// Runs every line in order. A bug check stops the run (`stopped` names it); with `failFast`,
    /// so does the first unmet expectation. The report ends with the live contexts.
    public func run(_ scenario: Scenario, options: ScenarioOptions) -> ScenarioReport {
        var session = FltSession(machine: machine)
        var report = ScenarioReport()
        for line in scenario.lines {
            let step = perform(line, in: &session)
            report.steps.append(step)
            if let check = machine.bugCheck {
                report.stopped = check.description
                break
            }
            if options.failFast, step.met == false {
                report.stopped = "fail-fast: line \(line.number) did not meet its expectation"
                break
            }
        }
        report.live = [ledgerName: liveNames()]
        return report
    }

    /// The live contexts by ledger name; a context whose free is queued says so.
    func liveNames() -> [String] {
        let active = Set(machine.liveContexts.map(\.handle))
        return machine.table.liveResources().map { active.contains($0.handle) ? $0.name : "\($0.name) (free queued)" }
    }

    private func perform(_ line: ScenarioLine, in session: inout FltSession) -> ScenarioStep {
        let before = machine.table.ledger.eventCount
        machine.location = "line \(line.number)"
        var outcome: LineOutcome
        let call: String
        let arguments: [String]
        var expectation: ScenarioExpectation?
        switch line.content {
        case .call(let scenarioCall):
            call = scenarioCall.function
            arguments = scenarioCall.arguments.map(\.value.description)
            expectation = scenarioCall.expectation
            outcome = Self.arity(of: line) ?? session.perform(scenarioCall)
        case .directive(let directive):
            call = "@" + directive.name
            arguments = directive.words
            expectation = directive.expectation
            outcome = Self.arity(of: line) ?? session.perform(directive)
        }
        let reports = machine.takeReports()
        let cleanups = machine.takeCleanups()
        let ledger = machine.table.ledger
        var notes: [String] = []
        if let check = outcome.bugCheck { notes.append(check.description) }
        if let error = outcome.error { notes.append("line \(line.number): \(error)") }
        notes += reports.map(\.description) + outcome.notes + cleanups.map(\.description)
        var step = ScenarioStep(
            line: line.number, call: call, arguments: arguments, returned: outcome.returned, bound: outcome.bound,
            notes: notes,
            ledgerDelta: ledger.events(after: before).map(\.description))
        if let expectation {
            let violations = reports.filter { $0.severity == .violation }.count
            let verdict = FltExpectation.check(expectation, outcome, violations: violations)
            step.met = verdict.met
            step.expected = expectation.words.joined(separator: " ")
            if let reason = verdict.reason { step.notes.append(reason) }
        } else if outcome.error != nil {
            step.met = false
            step.expected = "a line that runs"
        }
        return step
    }

    /// The problem with a line's routine, directive or argument count, as an outcome; nil when fine.
    private static func arity(of line: ScenarioLine) -> LineOutcome? {
        do {
            try FltRoutine.check(Scenario(lines: [line]))
            return nil
        } catch {
            return .failed(error.message)
        }
    }
}
