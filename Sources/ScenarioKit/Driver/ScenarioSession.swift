/// One simulator's side of a scenario run: its call table, its ledgers, and how it runs a line.
/// ``ScenarioDriver`` does the rest (the pre-run check of each line, the step, the ledger changes,
/// fail-fast, the report), the same way for every simulator.
public protocol ScenarioSession {
    /// What lines may say.
    var calls: ScenarioCallTable { get }
    /// The tables whose changes each step shows, in report order.
    var ledgers: [ScenarioLedger] { get }
    /// Runs a line the call table accepts and reports what it did; throws when it cannot run (an
    /// unknown name, a value of the wrong shape).
    mutating func perform(_ line: ScenarioLine) throws(ScenarioRuntimeError) -> ScenarioOutcome
    /// Notes to add after every line, whether it ran or not (diagnostics the line left behind).
    mutating func trailingNotes() -> [String]
    /// Why the run must stop after the line just run (a bug check), or nil.
    var stopReason: String? { get }
    /// Steps for what is still in flight at the end of the run (calls stopped inside the API).
    mutating func finish() -> [ScenarioStep]
    /// The live objects at the end, by ledger name.
    func liveObjects() -> [String: [String]]
    /// Answers `@expect NAME PROPERTY => ...` about a bound name; throws when the name is unknown
    /// or the property does not apply to what it names.
    func state(of name: String, _ property: ScenarioProperty) throws(ScenarioRuntimeError) -> ScenarioState
}

extension ScenarioSession {
    /// No notes after a line.
    public mutating func trailingNotes() -> [String] { [] }
    /// Never stops a run.
    public var stopReason: String? { nil }
    /// Nothing in flight at the end.
    public mutating func finish() -> [ScenarioStep] { [] }
    /// No state to inspect.
    public func state(of name: String, _ property: ScenarioProperty) throws(ScenarioRuntimeError) -> ScenarioState {
        throw ScenarioRuntimeError(column: 1, message: "\(calls.family) has no '\(property.rawValue)' to expect")
    }

    /// Every ledger's live resources.
    public func liveObjects() -> [String: [String]] {
        Dictionary(ledgers.map { ($0.name, $0.liveNames) }, uniquingKeysWith: { a, _ in a })
    }
}
