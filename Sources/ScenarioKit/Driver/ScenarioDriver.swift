/// The one run loop of every simulator: each line is checked against the call table, run by the
/// session, and reported as a step with its ledger changes; a stop reason or, with `failFast`,
/// an unmet expectation ends the run.
public enum ScenarioDriver {
    /// The `stopped` text of a run ended by `--fail-fast` at a line.
    public static func failFastStop(line: Int) -> String {
        "line \(line): expectation not met (fail-fast)"
    }

    /// Runs every line in order and reports each, then what is still in flight and the live objects.
    public static func run<Session: ScenarioSession>(
        _ scenario: Scenario, in session: inout Session, options: ScenarioOptions
    ) -> ScenarioReport {
        var report = ScenarioReport()
        for line in scenario.lines {
            let step = self.step(for: line, in: &session)
            report.steps.append(step)
            if let reason = session.stopReason {
                report.stopped = reason
                break
            }
            if options.failFast, step.met == false {
                report.stopped = failFastStop(line: line.number)
                break
            }
        }
        report.steps += session.finish()
        report.live = session.liveObjects()
        return report
    }

    /// Runs one line and reports it: a line the table refuses, or that cannot run, is `not run`
    /// and unmet, with the problem as its first note.
    public static func step<Session: ScenarioSession>(for line: ScenarioLine, in session: inout Session) -> ScenarioStep {
        let marks = session.ledgers.map(\.mark)
        var step = skeleton(of: line)
        do {
            if let problem = session.calls.problem(in: line) { throw problem }
            let outcome = try session.perform(line)
            step.returned = outcome.returned
            step.lastError = outcome.lastError
            step.output = outcome.output
            step.bound = outcome.bound
            step.notes = outcome.notes
            step.events = outcome.events
            step.met = outcome.met
            if let expected = outcome.expected { step.expected = expected }
        } catch {
            step.returned = "not run"
            step.notes = ["line \(line.number), \(error)"]
            step.met = false
            step.expected = step.expected ?? "a line that runs"
        }
        step.notes += session.trailingNotes()
        for (ledger, mark) in zip(session.ledgers, marks) {
            step.ledgerDelta += ledger.changes(since: mark)
        }
        return step
    }

    /// A step naming the line's call or directive, arguments and expectation, before it runs.
    public static func skeleton(of line: ScenarioLine) -> ScenarioStep {
        switch line.content {
        case .call(let call):
            return ScenarioStep(
                line: line.number, call: call.function, arguments: call.arguments.map(\.value.description), returned: "",
                expected: call.expectation?.words.joined(separator: " "))
        case .directive(let directive):
            return ScenarioStep(
                line: line.number, call: "@" + directive.name, arguments: directive.words, returned: "",
                expected: directive.expectation?.words.joined(separator: " "))
        }
    }
}
