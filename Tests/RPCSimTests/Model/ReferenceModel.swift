import RPCSim

/// An independent, deliberately plain model of section 4: what every call must return and which
/// server contexts must run down, written from the semantics table rather than from the simulator.
struct ReferenceModel {
    /// One client: its binding and its connection.
    struct Client {
        var bindingLive = true
        var linkUp = true
        /// The model's number for the live association, or nil before the first call / after a drop.
        var association: Int?
    }

    /// Where a server context is in its life.
    enum ServerState: Equatable {
        case open, closed, runDown
    }

    /// One context handle ever opened.
    struct Context {
        let client: Int
        let association: Int
        let resource: String
        var clientMemoryLive = true
        var server = ServerState.open
    }

    var clients: [Client] = []
    var contexts: [Context] = []
    var store: [String: [UInt8]] = [:]
    private var nextAssociation = 0

    /// The status an open through client `c` returns; on success the new context is recorded.
    mutating func open(client c: Int, resource: String) -> RPCStatus {
        guard clients[c].bindingLive else { return .invalidBinding }
        guard clients[c].linkUp else { return .serverUnavailable }
        let association = currentAssociation(c)
        contexts.append(Context(client: c, association: association, resource: resource))
        if store[resource] == nil { store[resource] = [] }
        return .ok
    }

    /// The status of a call with context `k` (nil: a NULL handle) that reaches the server stub.
    mutating func route(_ k: Int?, null: Bool) -> RPCStatus {
        guard !null, let k else { return .inNullContext }
        let context = contexts[k]
        guard context.clientMemoryLive else { return .contextMismatch }
        guard clients[context.client].linkUp else { return .callFailed }
        let association = currentAssociation(context.client)
        guard context.association == association, context.server == .open else { return .contextMismatch }
        return .ok
    }

    /// Close: on success the server context is closed and the client memory freed.
    mutating func close(_ k: Int?, null: Bool) -> RPCStatus {
        let status = route(k, null: null)
        if status == .ok, let k {
            contexts[k].server = .closed
            contexts[k].clientMemoryLive = false
        }
        return status
    }

    /// RpcSmDestroyClientContext: the client memory only.
    mutating func destroy(_ k: Int?, null: Bool) -> RPCStatus {
        guard !null, let k, contexts[k].clientMemoryLive else { return .contextMismatch }
        contexts[k].clientMemoryLive = false
        return .ok
    }

    /// A dropped connection; returns the contexts that must run down now.
    mutating func drop(client c: Int) -> (RPCStatus, Set<Int>) {
        guard clients[c].bindingLive else { return (.invalidBinding, []) }
        clients[c].linkUp = false
        return (.ok, endAssociation(of: c))
    }

    mutating func reconnect(client c: Int) -> RPCStatus {
        guard clients[c].bindingLive else { return .invalidBinding }
        clients[c].linkUp = true
        return .ok
    }

    /// RpcBindingFree: the binding goes; its context handles keep their own copy of it and their
    /// association, which closes once none is left; returns the contexts that must run down now.
    mutating func freeBinding(client c: Int) -> (RPCStatus, Set<Int>) {
        guard clients[c].bindingLive else { return (.invalidBinding, []) }
        clients[c].bindingLive = false
        return (.ok, settle(client: c))
    }

    /// After a context handle of client `c` went away: a freed binding with no context handle left
    /// closes its association; returns the contexts that must run down now.
    mutating func settle(client c: Int) -> Set<Int> {
        guard !clients[c].bindingLive, !contexts.contains(where: { $0.client == c && $0.clientMemoryLive }) else { return [] }
        return endAssociation(of: c)
    }

    /// The client context `k` was opened through.
    func client(of k: Int?) -> Int? {
        k.map { contexts[$0].client }
    }

    var liveClientContexts: Int { contexts.filter(\.clientMemoryLive).count }
    var liveServerContexts: Int { contexts.filter { $0.server == .open }.count }
    var liveAssociations: Int { clients.filter { $0.association != nil }.count }

    private mutating func currentAssociation(_ c: Int) -> Int {
        if let association = clients[c].association { return association }
        nextAssociation += 1
        clients[c].association = nextAssociation
        return nextAssociation
    }

    private mutating func endAssociation(of c: Int) -> Set<Int> {
        guard let association = clients[c].association else { return [] }
        clients[c].association = nil
        var runDown: Set<Int> = []
        for k in contexts.indices where contexts[k].association == association && contexts[k].server == .open {
            contexts[k].server = .runDown
            runDown.insert(k)
        }
        return runDown
    }
}
