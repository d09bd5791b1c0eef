import ContextCore
import RPCSim

/// A listening server, a client runtime, and helpers to look into both ledgers.
struct RPCTestWorld {
    let server: RPCServer
    let client: RPCClient

    init(listening: Bool = true) {
        server = RPCServer()
        client = RPCClient(server: server)
        if listening { server.listen() }
    }

    /// A new binding for a client named `label`.
    func bind(_ label: String = "c1") -> RPCBindingHandle? {
        let binding = OutParameter<RPCBindingHandle?>()
        _ = client.bind(label: label, binding: binding)
        return binding.value
    }

    /// Opens `name` through `binding` and returns the status and the handle.
    func open(_ binding: RPCBindingHandle?, _ name: String = "notes") -> (RPCStatus, RPCContextHandle?) {
        let context = OutParameter<RPCContextHandle?>()
        let status = client.openResource(binding, name: name, context: context)
        return (status, context.value)
    }

    /// Reads through `context`; the data is empty when the call fails.
    func read(_ context: RPCContextHandle?) -> (RPCStatus, [UInt8]) {
        let data = OutParameter<[UInt8]>([])
        let status = client.readResource(context, into: data)
        return (status, data.value)
    }

    /// Live client context handles (client memory).
    var clientContexts: Int { client.table.liveCount(of: .rpcClientContext) }
    /// Live server contexts.
    var serverContexts: Int { server.table.liveCount(of: .rpcServerContext) }
    /// Live associations.
    var associations: Int { server.table.liveCount(of: .rpcAssociation) }
    /// Rundowns run so far.
    var rundowns: Int { server.rundowns.count }
    /// Live objects over both ledgers.
    var liveTotal: Int { client.table.liveCount() + server.table.liveCount() }

    /// The live resource in `table` whose handle has this raw value.
    func resource(_ rawValue: UInt64?, in table: HandleTable) -> ResourceInfo? {
        table.liveResources().first { $0.handle.rawValue == rawValue }
    }
}
