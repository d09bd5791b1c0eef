/// The one run loop of every simulator: each line is checked against the call table, run by the
/// session, and reported as a step with its ledger changes; a stop reason or, with `failFast`,
/// an unmet expectation ends the run.
///
/// The driver itself runs the shared directives: `@expect NAME PROPERTY => VALUE` asks the session
/// about a bound name, and `@reboot` replaces a stopped (or running) machine by a fresh one from
/// `boot`. A bug check a line expects (`=> BUGCHECK ...`) is a met expectation: the run goes on at
/// the next `@reboot`, or ends there without failing.
public enum ScenarioDriver {
    /// The `stopped` text of a run ended by `--fail-fast` at a line.
    public static func failFastStop(line: Int) -> String {
        "line \(line): expectation not met (fail-fast)"
    }

    /// Runs every line in order on one session; `@reboot` lines are reported as not run.
    public static func run<Session: ScenarioSession>(
        _ scenario: Scenario, in session: inout Session, options: ScenarioOptions
    ) -> ScenarioReport {
        var first: Session? = session
        let (report, last) = loop(scenario, options: options) {
            defer { first = nil }
            return first
        }
        if let last { session = last }
        return report
    }

    /// Runs every line in order on the session `boot` makes, and on a new one from `boot` at each
    /// `@reboot` (nil: the simulator cannot reboot, and the line is not run); reports each line,
    /// then what is still in flight and the live objects of the last machine.
    public static func run<Session: ScenarioSession>(
        _ scenario: Scenario, options: ScenarioOptions, boot: () -> Session?
    ) -> ScenarioReport {
        loop(scenario, options: options, boot: boot).report
    }

    /// The run loop: the report, and the session of the last machine (nil when none booted).
    static func loop<Session: ScenarioSession>(
        _ scenario: Scenario, options: ScenarioOptions, boot: () -> Session?
    ) -> (report: ScenarioReport, session: Session?) {
        var report = ScenarioReport()
        guard var session = boot() else { return (report, nil) }
        report.machines = [ScenarioMachine(bootLine: nil, ledgers: session.ledgers)]
        var halted: (line: Int, reason: String)?
        for (index, line) in scenario.lines.enumerated() {
            var step: ScenarioStep
            if case .directive(let directive) = line.content, directive.name == "reboot" {
                report.steps += session.finish()
                step = skeleton(of: line)
                if let fresh = boot() {
                    session = fresh
                    report.machines.append(ScenarioMachine(bootLine: line.number, ledgers: fresh.ledgers))
                    halted = nil
                    step.returned = "-"
                    step.notes = ["a fresh machine: nothing of the one before survives"]
                } else {
                    step.returned = "not run"
                    step.notes = ["line \(line.number), this simulator cannot reboot"]
                    step.met = false
                }
            } else if let halted {
                step = skeleton(of: line)
                step.returned = "not run"
                step.notes = ["the machine stopped at line \(halted.line); nothing runs until @reboot"]
                if line.expectation != nil { step.met = false }
            } else {
                step = self.step(for: line, in: &session)
            }
            report.steps.append(step)
            if halted == nil, let reason = session.stopReason {
                let expected = step.met == true && ScenarioBugCheck.isExpected(by: line.expectation)
                if !expected, report.stopped == nil { report.stop(at: line.number, .bugCheck, reason) }
                let reboots = scenario.lines[(index + 1)...].contains {
                    if case .directive(let directive) = $0.content { return directive.name == "reboot" }
                    return false
                }
                guard reboots else { break }
                halted = (line.number, reason)
            }
            if options.failFast, step.met == false {
                if report.stopped == nil { report.stop(at: line.number, .expectation, failFastStop(line: line.number)) }
                break
            }
        }
        report.steps += session.finish()
        report.live = session.liveObjects()
        return (report, session)
    }

    /// Runs one line and reports it: a line the table refuses, or that cannot run, is `not run`
    /// and unmet, with the problem as its first note.
    public static func step<Session: ScenarioSession>(for line: ScenarioLine, in session: inout Session) -> ScenarioStep {
        let marks = session.ledgers.map(\.mark)
        var step = skeleton(of: line)
        do {
            if let problem = session.calls.problem(in: line) { throw problem }
            if case .directive(let directive) = line.content, directive.name == "expect" {
                try inspect(directive, in: session, into: &step)
            } else {
                let outcome = try session.perform(line)
                step.returned = outcome.returned
                step.lastError = outcome.lastError
                step.output = outcome.output
                step.bound = outcome.bound
                step.notes = outcome.notes
                step.events = outcome.events
                step.met = outcome.met
                step.bugCheck = outcome.bugCheck
                if let expected = outcome.expected { step.expected = expected }
                if let expectation = line.expectation, ScenarioBugCheck.isExpected(by: expectation) {
                    step.met = outcome.bugCheck?.matches(expectation) ?? false
                } else if outcome.bugCheck != nil, line.expectation != nil {
                    step.met = false
                }
            }
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

    /// Runs `@expect NAME PROPERTY => VALUE`: the session's answer is the step's return.
    static func inspect<Session: ScenarioSession>(
        _ directive: ScenarioDirective, in session: Session, into step: inout ScenarioStep
    ) throws(ScenarioRuntimeError) {
        guard let property = ScenarioProperty(rawValue: directive.words[1]), let expectation = directive.expectation else {
            throw ScenarioRuntimeError(column: 1, message: "@expect needs a property and '=> VALUE'")
        }
        let state = try session.state(of: directive.words[0], property)
        step.returned = state.description
        step.met = ScenarioStateCheck.isMet(state, expectation) { name in try? session.state(of: name, .value) }
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
