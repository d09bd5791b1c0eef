import ArgumentParser
import RPCSim

/// `scard rpc run SCENARIO`: runs a scenario file against a fresh RPC server and client.
struct RPCRunCommand: ScenarioRunCommand {
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

            Directives: @server [noserialize], @client NAME, @drop NAME, @reconnect NAME, @restart, \
            @thread NAME, @pause, @resume NAME.

            Functions: OpenResource, ReadResource, ReadResourceOn, WriteResource, CloseResource, \
            RpcSmDestroyClientContext, RpcSsDestroyClientContext, RpcBindingFree.

            Examples:
              scard rpc run Tests/RPCSimTests/Scenarios/destroy-after-drop.scen
              scard rpc run my.scen --json --expect-clean
              cat my.scen | scard rpc run - --fail-fast --trace

            Exit codes: 0 all expectations met, 1 an expectation failed (or a leak with \
            --expect-clean), 2 unreadable file, syntax error, unknown function or directive, \
            wrong number of arguments or bindings (nothing runs).
            """
    )

    @Argument(help: "The scenario file to run, or - for standard input: UTF-8 text, at most 16 MiB.")
    var scenario: String

    @OptionGroup var options: ScenarioRunOptions

    func makeRunner() -> RPCScenarioRunner {
        RPCScenarioRunner(ledgerCapacity: options.ledgerCapacity)
    }
}
