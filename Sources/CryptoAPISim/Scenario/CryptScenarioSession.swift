import ContextCore
import Foundation
import ScenarioKit
import Synchronization

/// The mutable state of one scenario run: the current simulated thread, the bound names and
/// buffers, and the calls stopped inside the API.
struct CryptScenarioSession {
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

    init(simulator: CryptSimulator) {
        self.simulator = simulator
    }

    /// Runs one line and reports it: the return, last error, output, names, and ledger changes.
    mutating func step(for line: ScenarioLine) -> ScenarioStep {
        let mark = simulator.table.ledger.eventCount
        var step: ScenarioStep
        let expectation: ScenarioExpectation?
        switch line.content {
        case .call(let call):
            expectation = call.expectation
            step = ScenarioStep(
                line: line.number, call: call.function, arguments: call.arguments.map(\.value.description), returned: "")
        case .directive(let directive):
            expectation = directive.expectation
            step = ScenarioStep(line: line.number, call: "@" + directive.name, arguments: directive.words, returned: "")
        }
        step.expected = expectation?.words.joined(separator: " ")
        do {
            var outcome: CryptOutcome
            var function: String
            var checked = expectation
            switch line.content {
            case .call(let call):
                function = call.function
                _ = try call.expectation.map { (e) throws(ScenarioRuntimeError) in try CryptExpectation(e, function: function) }
                outcome = try perform(call, line: line.number)
            case .directive(let directive):
                let result = try perform(directive, line: line.number)
                (function, outcome, checked) = (result.function, result.outcome, result.expectation)
                step.expected = checked?.words.joined(separator: " ")
            }
            let expected = try checked.map { (e) throws(ScenarioRuntimeError) in
                try CryptExpectation(e, function: function)
            }
            record(outcome, expected: expected, in: &step)
        } catch {
            step.returned = "not run"
            step.notes = ["line \(line.number), \(error)"]
            step.met = false
            step.expected = step.expected ?? "a line that runs"
        }
        step.notes += simulator.takeDiagnostics(of: thread)
        step.ledgerDelta = Self.delta(simulator.table, since: mark)
        return step
    }

    /// Copies an outcome into a step and checks it.
    func record(_ outcome: CryptOutcome, expected: CryptExpectation?, in step: inout ScenarioStep) {
        step.returned = outcome.returned
        step.lastError = outcome.lastErrorText
        step.output = outcome.output.map(ScenarioHex.string)
        step.bound = outcome.bound
        step.notes += outcome.notes
        if case .pending = outcome.kind {
            step.met = nil
        } else {
            step.met = expected?.isMet(by: outcome)
        }
    }

    /// The ledger events of the table after `mark`.
    static func delta(_ table: HandleTable, since mark: Int) -> [String] {
        let ledger = table.ledger
        guard ledger.eventCount > mark else { return [] }
        return ledger.events(after: mark).map(\.description)
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
