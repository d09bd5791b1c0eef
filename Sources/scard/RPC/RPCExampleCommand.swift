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

/// What the example shows: where the rundown ran, that destroy ran none, and the live counts.
struct RPCExampleSummary: Encodable {
    /// The lines whose step ran a rundown, with the call or directive.
    let rundowns: [String]
    /// Rundowns run by RpcSmDestroyClientContext lines (the example shows there are none).
    let rundownsAtDestroy: Int
    /// Rundowns run when the association went away (`@drop`).
    let rundownsAtDrop: Int
    /// Live objects per ledger at the end.
    let live: [String: Int]

    init(report: ScenarioReport) {
        var rundowns: [String] = []
        var atDestroy = 0
        var atDrop = 0
        for step in report.steps {
            let count = step.events.filter { $0.kind == RPCScenarioRunner.rundownEvent }.count
            guard count > 0 else { continue }
            rundowns.append("line \(step.line) (\(step.call)): \(count) rundown(s)")
            if step.call.hasSuffix("DestroyClientContext") { atDestroy += count }
            if step.call == "@drop" { atDrop += count }
        }
        self.rundowns = rundowns
        rundownsAtDestroy = atDestroy
        rundownsAtDrop = atDrop
        live = report.live.mapValues(\.count)
    }

    /// Whether the example showed what it claims: one rundown, at the drop, none at destroy, 0 live.
    var holds: Bool {
        rundownsAtDrop == 1 && rundowns.count == 1 && rundownsAtDestroy == 0 && live.values.allSatisfy { $0 == 0 }
    }

    /// The summary as text.
    var lines: [String] {
        let where_ = rundowns.isEmpty ? "never" : rundowns.joined(separator: "; ")
        return [
            "rundown ran \(rundownsAtDrop + rundownsAtDestroy) time(s): \(where_)",
            "rundowns at RpcSmDestroyClientContext: \(rundownsAtDestroy) (the server is not contacted)",
            "live at the end: client \(live["client"] ?? 0), server \(live["server"] ?? 0)",
            holds ? "example holds" : "example does NOT hold",
        ]
    }
}
