import ArgumentParser

/// `scard rpc`: the RPC context-handle simulator.
struct RPCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rpc",
        abstract: "Simulate RPC context handles, their rundown, and RpcSmDestroyClientContext.",
        discussion: """
            An in-process RPC server with one interface (OpenResource, ReadResource, WriteResource, \
            CloseResource on named in-memory resources) and a context rundown routine, and a client \
            runtime with binding handles and client context handles. The client and the server \
            keep separate ledgers; a simulated connection between them can be dropped.

            Examples:
              scard rpc example
              scard rpc run Tests/RPCSimTests/Scenarios/destroy-after-drop.scen --trace

            Exit codes: 0 all expectations met, 1 an expectation failed (or a leak with \
            --expect-clean), 2 usage error (unreadable file, syntax error).
            """,
        subcommands: [RPCExampleCommand.self, RPCRunCommand.self]
    )
}
