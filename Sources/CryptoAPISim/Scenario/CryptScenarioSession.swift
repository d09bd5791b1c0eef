import ContextCore
import FoundationEssentials
import ScenarioKit
import Synchronization

/// The mutable state of one scenario run: the current simulated thread, the bound names and
/// buffers, and the calls stopped inside the API.
struct CryptScenarioSession: ScenarioSession {
    /// A call stopped at a pause point, running on its own OS thread.
    struct PendingCall {
        let line: Int
        let function: String
        let expectation: ScenarioExpectation?
        let pause: CallPause
        let result: OutParameter<CryptOutcome?>
        let bindings: [String]
    }

    let simulator: CryptSimulator
    let ledgers: [ScenarioLedger]
    var calls: ScenarioCallTable { CryptScenarioCalls.table }
    let constants = ScenarioConstants(CryptConstantNames.pairs)
    /// The simulated thread calls are made on.
    var thread = "T1"
    /// Bound names and their values (handles, lengths); 0 is NULL.
    var names: [String: UInt64] = [:]
    /// Named byte buffers (`@buffer`, bound pbData outputs).
    var buffers: [String: [UInt8]] = [:]
    /// The pause armed for the next call, per thread.
    var armed: [String: CallPause] = [:]
    /// The calls stopped inside the API, per thread.
    var pending: [String: PendingCall] = [:]

    /// The largest buffer `@buffer` makes.
    static let largestBuffer = 64 << 20

    init(simulator: CryptSimulator, ledgers: [ScenarioLedger]) {
        self.simulator = simulator
        self.ledgers = ledgers
    }

    /// Runs one line the call table accepts: its return, last error, output, names, and whether
    /// it met its expectation (for `@resume`, the resumed call's unless the line gives one).
    mutating func perform(_ line: ScenarioLine) throws(ScenarioRuntimeError) -> ScenarioOutcome {
        switch line.content {
        case .call(let call):
            let function = calls.function(named: call.function)?.name ?? call.function
            let expected = try call.expectation.map { (e) throws(ScenarioRuntimeError) in
                try CryptExpectation(e, function: function)
            }
            return Self.report(try perform(call, line: line.number), expected: expected)
        case .directive(let directive):
            let result = try perform(directive, line: line.number)
            let expected = try result.expectation.map { (e) throws(ScenarioRuntimeError) in
                try CryptExpectation(e, function: result.function)
            }
            var outcome = Self.report(result.outcome, expected: expected)
            outcome.expected = result.expectation?.words.joined(separator: " ")
            return outcome
        }
    }

    /// What the simulator noted on the current thread during the line.
    mutating func trailingNotes() -> [String] {
        simulator.takeDiagnostics(of: thread)
    }

    /// Lets every call still stopped inside the API finish, and reports each.
    mutating func finish() -> [ScenarioStep] {
        resumeAll()
    }

    /// An outcome as the driver reports it, checked against the expectation (a pending call is
    /// not checked until it returns).
    static func report(_ outcome: CryptOutcome, expected: CryptExpectation?) -> ScenarioOutcome {
        var met: Bool?
        if case .pending = outcome.kind {
            met = nil
        } else {
            met = expected?.isMet(by: outcome)
        }
        return ScenarioOutcome(
            returned: outcome.returned, lastError: outcome.lastErrorText, output: outcome.output.map(ScenarioHex.string),
            bound: outcome.bound, notes: outcome.notes, met: met)
    }

    /// A handle or name as a line shows it: `context#1 (0x100000001)`, or the hex value.
    func display(handle raw: UInt64) -> String {
        let hex = "0x" + String(raw, radix: 16, uppercase: true)
        guard let handle = Handle(rawValue: raw), let info = simulator.table.info(handle) else { return hex }
        return "\(info.name) (\(hex))"
    }

    /// Bytes as a line shows a bound buffer: hex, shortened past 64 bytes.
    static func display(bytes: [UInt8]) -> String {
        guard bytes.count > 64 else { return ScenarioHex.string(bytes) }
        return ScenarioHex.string(Array(bytes.prefix(32))) + "... (\(bytes.count) bytes)"
    }
}

extension CryptScenarioSession {
    /// `@expect NAME PROPERTY`: what a name holds, and the liveness and reference count of the
    /// context, key or hash it names (a provider's count after `CryptContextAddRef`; a key or hash
    /// after its provider is released).
    func state(of name: String, _ property: ScenarioProperty) throws(ScenarioRuntimeError) -> ScenarioState {
        guard let value = names[name] else {
            throw ScenarioRuntimeError(column: 1, message: "unknown name \(ScenarioToken.quoted(name))")
        }
        let info = Handle(rawValue: value).flatMap { simulator.table.info($0) }
        switch property {
        case .value: return .value(value == 0 ? "NULL" : display(handle: value))
        case .live: return .flag(info != nil)
        case .references: return .count(info?.referenceCount ?? 0)
        case .cleanups, .rundowns:
            throw ScenarioRuntimeError(column: 1, message: "crypt has no '\(property.rawValue)' to expect")
        }
    }
}
