import ContextCore
import ScenarioKit

/// Runs scenario files of the RPC family (section 0 of the semantics, with the directives
/// `@server`, `@client NAME`, `@drop NAME`, `@reconnect NAME`) against one server and one client
/// runtime, and reports each line with the changes to both ledgers and each rundown as an event.
///
/// The runner works on its own ``server`` and ``client``; make a new runner for a fresh world.
public struct RPCScenarioRunner: ScenarioRunner {
    /// What RPC lines may say.
    public static var calls: ScenarioCallTable { RPCScenarioCalls.table }
    /// The kind of the step event a rundown makes.
    public static let rundownEvent = "rundown"

    /// The server the scenario's clients call.
    public let server: RPCServer
    /// The client runtime holding the scenario's bindings and context handles.
    public let client: RPCClient

    /// Creates a runner with a new server and client; `ledgerCapacity` bounds each ledger's events.
    public init(ledgerCapacity: Int? = 4096) {
        let server = RPCServer(ledgerCapacity: ledgerCapacity)
        self.server = server
        self.client = RPCClient(server: server, ledgerCapacity: ledgerCapacity)
    }

    /// The `client` and `server` ledgers.
    public var ledgers: [ScenarioLedger] {
        [
            ScenarioLedger(name: "client", table: client.table, namesEvents: true),
            ScenarioLedger(name: "server", table: server.table, namesEvents: true),
        ]
    }

    /// Runs every line in order (stopping at the first unmet expectation with `failFast`) and ends
    /// with the live objects of the `client` and `server` ledgers.
    public func run(_ scenario: Scenario, options: ScenarioOptions = ScenarioOptions()) -> ScenarioReport {
        var booted = false
        return ScenarioDriver.run(scenario, options: options) {
            defer { booted = true }
            let world = booted ? RPCScenarioRunner(ledgerCapacity: client.table.ledger.capacity) : self
            return RPCScenarioSession(server: world.server, client: world.client, ledgers: world.ledgers)
        }
    }
}

/// What a line did, before it is checked against its expectation.
struct RPCLineResult {
    /// The return.
    var outcome: RPCOutcome
    /// The bytes the call wrote out.
    var output: [UInt8]? = nil
    /// Names the line set, with their new values.
    var bound: [String: String] = [:]
    /// Extra lines to show.
    var notes: [String] = []
}

/// The mutable state of one run: the scenario's names and clients.
struct RPCScenarioSession: ScenarioSession {
    let server: RPCServer
    let client: RPCClient
    let ledgers: [ScenarioLedger]
    var calls: ScenarioCallTable { RPCScenarioCalls.table }
    /// Every bound name (bindings and context handles) and its value; 0 is NULL.
    var variables: [String: UInt64] = [:]
    /// The clients declared with `@client`, by name, with the binding each was given.
    var clients: [String: RPCBindingHandle] = [:]
    /// The server context each opened handle stands for, by the handle's value.
    var serverContexts: [UInt64: String] = [:]
    /// The lines at which each server context ran down, by its ledger name.
    var rundownLines: [String: [Int]] = [:]
    /// The client thread the next call comes from (`@thread`).
    var thread = "T1"
    /// The threads whose next context call stops inside the server (`@pause`).
    var pausing: Set<String> = []
    /// The calls of client threads that have not returned, by thread.
    var threadCalls: [String: RPCThreadCall] = [:]
    /// Whether calls on a context are serialized (the default) or not (`@server noserialize`).
    var serializes = true

    init(server: RPCServer, client: RPCClient, ledgers: [ScenarioLedger]) {
        self.server = server
        self.client = client
        self.ledgers = ledgers
    }

    /// Runs one line and reports its result, whether it met its expectation, and its rundowns.
    mutating func perform(_ line: ScenarioLine) throws(ScenarioRuntimeError) -> ScenarioOutcome {
        let journalMark = server.journal.eventCount
        var result: RPCLineResult
        var expectation = line.expectation
        var checked: String?
        switch line.content {
        case .call(let call): result = try performOnThread(call, line: line.number)
        case .directive(let directive) where directive.name == "resume":
            let (resumed, call) = try resume(directive.words[0])
            result = resumed
            if expectation == nil, let own = call.call.expectation {
                expectation = own
                checked = own.words.joined(separator: " ")
            }
        case .directive(let directive): result = try perform(directive)
        }
        let expected = try expectation.map { (e) throws(ScenarioRuntimeError) in try RPCExpectation(e) }
        let rundowns = server.journal.events(from: journalMark).filter { $0.action == .rundown }
        for rundown in rundowns { rundownLines[rundown.context, default: []].append(line.number) }
        let events = rundowns.map {
            ScenarioEvent(
                kind: RPCScenarioRunner.rundownEvent, subject: $0.context, detail: "\"\($0.resource)\" (\($0.association))")
        }
        return ScenarioOutcome(
            returned: result.outcome.description, output: result.output.map(ScenarioHex.string), bound: result.bound,
            notes: result.notes, events: events,
            met: result.outcome == .pending ? nil : expected?.isMet(by: result.outcome, output: result.output),
            expected: checked)
    }

    /// Lets every call of a client thread that has not returned return, in line order, and reports
    /// each as an `@resume` of its thread, so no thread is left inside the server.
    mutating func finish() -> [ScenarioStep] {
        var steps: [ScenarioStep] = []
        while let (name, pending) = threadCalls.filter({ !$0.value.isWaiting }).min(by: { $0.value.line < $1.value.line }) {
            guard let (result, _) = try? resume(name) else {
                threadCalls[name] = nil
                continue
            }
            let expected = try? pending.call.expectation.map { (e) throws(ScenarioRuntimeError) in try RPCExpectation(e) }
            steps.append(
                ScenarioStep(
                    line: pending.line, call: "@resume", arguments: [name], returned: result.outcome.description,
                    output: result.output.map(ScenarioHex.string), bound: result.bound,
                    met: expected?.isMet(by: result.outcome, output: result.output),
                    expected: pending.call.expectation?.words.joined(separator: " "),
                    notes: result.notes + ["end of scenario: \(name) resumed"]))
        }
        threadCalls = [:]
        return steps
    }
}
