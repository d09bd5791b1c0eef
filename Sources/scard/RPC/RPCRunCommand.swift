import ArgumentParser
import Foundation
import RPCSim
import ScenarioKit

/// `scard rpc run SCENARIO`: runs a scenario file against a fresh RPC server and client.
struct RPCRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an RPC scenario file and check its expectations.",
        discussion: """
            A scenario is one call or directive per line (see Docs/rpc.md):
              @server
              @client c1
              h = OpenResource c1 "notes"      => RPC_S_OK
              @drop c1
              RpcSmDestroyClientContext h      => RPC_S_OK
              RpcBindingFree c1                => RPC_S_OK

            Directives: @server, @client NAME, @drop NAME, @reconnect NAME.

            Functions: OpenResource, ReadResource, WriteResource, CloseResource, \
            RpcSmDestroyClientContext, RpcSsDestroyClientContext, RpcBindingFree.

            Examples:
              scard rpc run Tests/RPCSimTests/Scenarios/destroy-after-drop.scen
              scard rpc run my.scen --json --expect-clean
              cat my.scen | scard rpc run - --fail-fast --trace

            Exit codes: 0 all expectations met, 1 an expectation failed (or a leak with \
            --expect-clean), 2 unreadable file or syntax error (nothing runs).
            """
    )

    @Argument(help: "The scenario file to run, or - for standard input: UTF-8 text, at most 16 MiB.")
    var scenario: String

    @OptionGroup var output: RPCOutputOptions

    @Flag(help: "Fail (exit 1) when anything is still live in either ledger at the end.")
    var expectClean = false

    @Flag(help: "Stop at the first expectation that is not met.")
    var failFast = false

    func run() throws {
        let text = try InputFile(scenario).readText()
        let parsed: Scenario
        do {
            parsed = try Scenario(parsing: text)
        } catch {
            StandardError.write("scard: \(EchoedText.bounded(scenario, limit: 256)):\(error.line):\(error.column): \(error.message)")
            throw ExitCode(2)
        }
        let runner = RPCScenarioRunner(ledgerCapacity: output.trace ? nil : 4096)
        let report = runner.run(parsed, options: ScenarioOptions(failFast: failFast))
        let status = ScenarioOutput.emit(report, json: output.json, expectClean: expectClean)
        if expectClean, report.liveTotal > 0 {
            StandardError.write("scard: \(report.liveTotal) object(s) still live at the end (--expect-clean)")
        }
        if output.trace {
            LedgerOutput.trace(runner.client.table, title: "client")
            LedgerOutput.trace(runner.server.table, title: "server")
        }
        if status != 0 { throw ExitCode(status) }
    }
}
