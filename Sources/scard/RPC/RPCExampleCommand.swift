import ArgumentParser
import RPCSim
import ScenarioKit

/// `scard rpc example`: a context handle survives a dropped connection until
/// RpcSmDestroyClientContext reclaims it; the rundown runs at the drop, not at the destroy.
struct RPCExampleCommand: ScenarioExampleCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Open a context, drop the connection, destroy the client context, and show when the rundown ran.",
        discussion: """
            Runs the built-in scenario below, then checks that the server's rundown ran exactly once, \
            when the association went away, not at RpcSmDestroyClientContext, and that both ledgers \
            end with nothing live.

            \(RPCExample.text)
            Examples:
              scard rpc example
              scard rpc example --trace
              scard rpc example --json
            """
    )

    @OptionGroup var options: ScenarioRunOptions

    func makeRunner() -> RPCScenarioRunner {
        RPCScenarioRunner(ledgerCapacity: options.ledgerCapacity)
    }

    func runExample(on runner: RPCScenarioRunner) throws -> ScenarioReport {
        run(try RPCExample.scenario(), on: runner)
    }

    func afterReport(_ report: ScenarioReport, runner: RPCScenarioRunner) {
        let summary = RPCExampleSummary(report: report)
        if options.json {
            print(JSONLine.string(summary))
        } else {
            summary.lines.forEach { print($0) }
        }
    }

    func checkClaim(_ report: ScenarioReport) throws {
        let summary = RPCExampleSummary(report: report)
        if !summary.holds {
            throw CLIError(message: "the example does not hold: \(summary.lines[0])", status: .checkFailed)
        }
    }
}

/// What the example shows: where the rundown ran, that destroy ran none, and the live counts
/// (the JSON line of type `example`).
struct RPCExampleSummary: Encodable {
    /// A line whose step ran rundowns.
    struct Rundowns: Encodable {
        /// The line.
        let line: Int
        /// Its call or directive.
        let call: String
        /// How many rundowns it ran.
        let rundownCount: Int
    }

    let type = "example"
    /// The lines whose step ran a rundown, with the call or directive.
    let rundowns: [Rundowns]
    /// Rundowns run by RpcSmDestroyClientContext lines (the example shows there are none).
    let destroyRundownCount: Int
    /// Rundowns run when the association went away (`@drop`).
    let dropRundownCount: Int
    /// Live objects in the client ledger at the end.
    let clientLiveCount: Int
    /// Live objects in the server ledger at the end.
    let serverLiveCount: Int
    /// Whether the example showed what it claims.
    let holds: Bool

    init(report: ScenarioReport) {
        var rundowns: [Rundowns] = []
        var atDestroy = 0
        var atDrop = 0
        for step in report.steps {
            let count = step.events.filter { $0.kind == RPCScenarioRunner.rundownEvent }.count
            guard count > 0 else { continue }
            rundowns.append(Rundowns(line: step.line, call: step.call, rundownCount: count))
            if step.call.hasSuffix("DestroyClientContext") { atDestroy += count }
            if step.call == "@drop" { atDrop += count }
        }
        self.rundowns = rundowns
        destroyRundownCount = atDestroy
        dropRundownCount = atDrop
        clientLiveCount = report.live["client"]?.count ?? 0
        serverLiveCount = report.live["server"]?.count ?? 0
        // One rundown, at the drop, none at destroy, 0 live.
        holds = atDrop == 1 && rundowns.count == 1 && atDestroy == 0 && report.liveTotal == 0
    }

    /// The summary as text.
    var lines: [String] {
        let where_ = rundowns.isEmpty
            ? "never" : rundowns.map { "line \($0.line) (\($0.call)): \($0.rundownCount) rundown(s)" }.joined(separator: "; ")
        return [
            "rundown ran \(dropRundownCount + destroyRundownCount) time(s): \(where_)",
            "rundowns at RpcSmDestroyClientContext: \(destroyRundownCount) (the server is not contacted)",
            "live at the end: client \(clientLiveCount), server \(serverLiveCount)",
            holds ? "example holds" : "example does NOT hold",
        ]
    }
}
