import ContextCore
import ScenarioKit

/// Runs scenario files of the RPC family (section 0 of the semantics, with the directives
/// `@server`, `@client NAME`, `@drop NAME`, `@reconnect NAME`) against one server and one client
/// runtime, and reports each line with the changes to both ledgers.
///
/// The runner works on its own ``server`` and ``client``; make a new runner for a fresh world.
public struct RPCScenarioRunner: ScenarioRunner {
    /// The server the scenario's clients call.
    public let server: RPCServer
    /// The client runtime holding the scenario's bindings and context handles.
    public let client: RPCClient

    /// The words every note about a rundown starts with, so a reader can find them.
    public static let rundownNotePrefix = "rundown "

    /// Creates a runner with a new server and client; `ledgerCapacity` bounds each ledger's events.
    public init(ledgerCapacity: Int? = 4096) {
        let server = RPCServer(ledgerCapacity: ledgerCapacity)
        self.server = server
        self.client = RPCClient(server: server, ledgerCapacity: ledgerCapacity)
    }

    /// Runs every line in order (stopping at the first unmet expectation with `failFast`) and ends
    /// with the live objects of the `client` and `server` ledgers.
    public func run(_ scenario: Scenario, options: ScenarioOptions = ScenarioOptions()) -> ScenarioReport {
        var session = RPCScenarioSession(server: server, client: client)
        var report = ScenarioReport()
        for line in scenario.lines {
            let step = session.step(for: line)
            report.steps.append(step)
            if options.failFast, step.met == false {
                report.stopped = "line \(line.number): expectation not met (fail-fast)"
                break
            }
        }
        report.live = [
            "client": client.table.liveResources().map(\.description),
            "server": server.table.liveResources().map(\.description),
        ]
        return report
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
struct RPCScenarioSession {
    let server: RPCServer
    let client: RPCClient
    /// Every bound name (bindings and context handles) and its value; 0 is NULL.
    var variables: [String: UInt64] = [:]
    /// The clients declared with `@client`, by name, with the binding each was given.
    var clients: [String: RPCBindingHandle] = [:]

    init(server: RPCServer, client: RPCClient) {
        self.server = server
        self.client = client
    }

    /// Runs one line and reports it: result, expectation, rundowns and ledger changes.
    mutating func step(for line: ScenarioLine) -> ScenarioStep {
        let clientMark = client.table.ledger.eventCount
        let serverMark = server.table.ledger.eventCount
        let journalMark = server.journal.eventCount
        var step: ScenarioStep
        let expectation: ScenarioExpectation?
        switch line.content {
        case .call(let call):
            expectation = call.expectation
            step = ScenarioStep(line: line.number, call: call.function, arguments: call.arguments.map(\.value.description), returned: "")
        case .directive(let directive):
            expectation = directive.expectation
            step = ScenarioStep(line: line.number, call: "@" + directive.name, arguments: directive.words, returned: "")
        }
        step.expected = expectation?.words.joined(separator: " ")
        do {
            let expected = try expectation.map { (e) throws(ScenarioRuntimeError) in try RPCExpectation(e) }
            let result: RPCLineResult
            switch line.content {
            case .call(let call): result = try perform(call)
            case .directive(let directive): result = try perform(directive)
            }
            step.returned = result.outcome.description
            step.output = result.output.map(ScenarioHex.string)
            step.bound = result.bound
            step.notes = result.notes
            step.met = expected?.isMet(by: result.outcome, output: result.output)
        } catch {
            step.returned = "not run"
            step.notes = ["line \(line.number), \(error)"]
            step.met = false
            step.expected = step.expected ?? "a line that runs"
        }
        for event in server.journal.events(from: journalMark) where event.action == .rundown {
            step.notes.append(RPCScenarioRunner.rundownNotePrefix + "ran for \(event.context) \"\(event.resource)\" (\(event.association))")
        }
        step.ledgerDelta = Self.delta(client.table, since: clientMark, as: "client")
            + Self.delta(server.table, since: serverMark, as: "server")
        return step
    }

    /// The ledger events of `table` after `mark`, each prefixed with the ledger's name.
    static func delta(_ table: HandleTable, since mark: Int, as name: String) -> [String] {
        let ledger = table.ledger
        guard ledger.eventCount > mark else { return [] }
        return ledger.events(after: mark).map { "\(name): \($0)" }
    }
}
