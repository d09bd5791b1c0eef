import ArgumentParser
import Foundation
import RPCSim
import ScenarioKit

/// `scard rpc example`: a context handle survives a dropped connection until
/// RpcSmDestroyClientContext reclaims it; the rundown runs at the drop, not at the destroy.
struct RPCExampleCommand: ParsableCommand {
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

    @OptionGroup var output: RPCOutputOptions

    func run() throws {
        let scenario: Scenario
        do {
            scenario = try RPCExample.scenario()
        } catch {
            StandardError.write("scard: built-in example:\(error.line):\(error.column): \(error.message)")
            throw ExitCode(2)
        }
        let runner = RPCScenarioRunner(ledgerCapacity: output.trace ? nil : 4096)
        let report = runner.run(scenario, options: ScenarioOptions())
        var status = ScenarioOutput.emit(report, json: output.json, expectClean: true)
        let summary = RPCExampleSummary(report: report)
        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            if let data = try? encoder.encode(summary) {
                print(String(decoding: data, as: UTF8.self))
            }
        } else {
            summary.lines.forEach { print($0) }
        }
        if !summary.holds { status = 1 }
        if output.trace {
            LedgerOutput.trace(runner.client.table, title: "client")
            LedgerOutput.trace(runner.server.table, title: "server")
        }
        if status != 0 { throw ExitCode(status) }
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
            let count = step.notes.filter { $0.hasPrefix(RPCScenarioRunner.rundownNotePrefix) }.count
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
