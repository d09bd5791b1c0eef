import ContextCore
import ScenarioKit

/// Runs Filter Manager scenario files (section 0 of the semantics, with the directives of
/// Docs/flt.md) on a ``FilterManager`` and reports each line's outcome.
public struct FltScenarioRunner: ScenarioRunner {
    /// What Filter Manager lines may say.
    public static var calls: ScenarioCallTable { FltScenarioCalls.table }

    /// The machine the scenario runs on; make one per run.
    public let machine: FilterManager

    /// Creates a runner on a machine (a fresh one by default).
    public init(machine: FilterManager = FilterManager()) {
        self.machine = machine
    }

    /// The machine's context table, under its name.
    public var ledgers: [ScenarioLedger] { [ScenarioLedger(name: machine.table.name, table: machine.table)] }

    /// Runs every line in order. A bug check stops the machine: the run goes on at the next
    /// `@reboot` on a fresh machine, or ends (`stopped` names it unless the line expected it); with
    /// `failFast`, so does the first unmet expectation. The report ends with the live contexts.
    public func run(_ scenario: Scenario, options: ScenarioOptions) -> ScenarioReport {
        var booted = false
        return ScenarioDriver.run(scenario, options: options) {
            defer { booted = true }
            let machine = booted ? FilterManager(name: self.machine.table.name, ledgerCapacity: self.machine.table.ledger.capacity) : self.machine
            return FltSession(machine: machine, ledgers: [ScenarioLedger(name: machine.table.name, table: machine.table)])
        }
    }
}

extension FltSession: ScenarioSession {
    var calls: ScenarioCallTable { FltScenarioCalls.table }

    /// Runs one line: the machine's verifier reports, the routine's own notes and the cleanup
    /// callbacks it ran become the step's notes, and the expectation is checked.
    mutating func perform(_ line: ScenarioLine) throws(ScenarioRuntimeError) -> ScenarioOutcome {
        machine.location = "line \(line.number)"
        currentLine = line.number
        let outcome: LineOutcome
        switch line.content {
        case .call(let call): outcome = try perform(call)
        case .directive(let directive): outcome = try perform(directive)
        }
        let reports = machine.takeReports()
        var notes = outcome.bugCheck.map { [$0.description] } ?? []
        notes += reports.map(\.description) + outcome.notes + takeCleanups()
        var result = ScenarioOutcome(
            returned: outcome.returned, bound: outcome.bound, notes: notes,
            bugCheck: outcome.bugCheck.map {
                ScenarioBugCheck(code: $0.code, name: $0.name, parameters: $0.parameters)
            })
        if let expectation = line.expectation {
            let violations = reports.filter { $0.severity == .violation }.count
            let verdict = FltExpectation.check(expectation, outcome, violations: violations)
            result.met = verdict.met
            if let reason = verdict.reason { result.notes.append(reason) }
        }
        return result
    }

    /// The verifier reports and cleanups of a line that could not run.
    mutating func trailingNotes() -> [String] {
        machine.takeReports().map(\.description) + takeCleanups()
    }

    /// The cleanup callbacks run since the last look, recorded for `@expect NAME cleanups`, as notes.
    mutating func takeCleanups() -> [String] {
        let cleanups = machine.takeCleanups()
        for cleanup in cleanups {
            cleanupRuns[cleanup.name, default: []].append(ScenarioCallbackRun(line: currentLine, level: cleanup.irql.description))
        }
        return cleanups.map(\.description)
    }

    /// `@expect NAME PROPERTY`: a context's references (0 once freed or queued), liveness, cleanup
    /// runs; what a context variable holds.
    func state(of name: String, _ property: ScenarioProperty) throws(ScenarioRuntimeError) -> ScenarioState {
        guard case .context(let context)? = bindings[name] else {
            guard let binding = bindings[name] else {
                throw ScenarioRuntimeError(column: 1, message: "unknown name \(ScenarioToken.quoted(name))")
            }
            if property == .value { return .value(describe(binding)) }
            throw ScenarioRuntimeError(column: 1, message: "\(ScenarioToken.quoted(name)) is not a context variable")
        }
        switch property {
        case .value: return .value(describe(context))
        case .references: return .count(context.flatMap { machine.referenceCount(of: $0) } ?? 0)
        case .live: return .flag(context.map { machine.liveContexts.contains($0) } ?? false)
        case .cleanups:
            guard let context, let contextName = machine.name(of: context) else { return .runs([]) }
            return .runs(cleanupRuns[contextName] ?? [])
        case .rundowns:
            throw ScenarioRuntimeError(column: 1, message: "flt has no 'rundowns' to expect (contexts have cleanups)")
        }
    }

    /// The bug check that stopped the machine, if any.
    var stopReason: String? { machine.bugCheck?.description }

    /// The live contexts by ledger name; a context whose free is queued says so.
    func liveObjects() -> [String: [String]] {
        let active = Set(machine.liveContexts.map(\.handle))
        let names = machine.table.liveResources().map { active.contains($0.handle) ? $0.name : "\($0.name) (free queued)" }
        return [machine.table.name: names]
    }
}
