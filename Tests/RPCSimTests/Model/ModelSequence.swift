import TestSupport
import ContextCore
import RPCSim

/// One random sequence of calls run on a fresh simulator and on the ``ReferenceModel`` side by
/// side, comparing every status, every read, every rundown and the live counts after each call.
struct ModelSequence {
    private let server = RPCServer(ledgerCapacity: 64)
    private let client: RPCClient
    private var model = ReferenceModel()
    /// Each client's binding value, kept after it is freed so stale values get used too.
    private var bindings: [RPCBindingHandle?] = []
    /// Per context: the variable holding it (set to NULL by close and destroy through it).
    private var variables: [RPCContextHandle?] = []
    /// Per context: the value it was opened with (a copy that goes stale).
    private var values: [RPCContextHandle] = []
    /// Per context: its server context's ledger name.
    private var serverNames: [String] = []
    private var eventMark = 0
    /// What went wrong, one line per mismatch.
    private(set) var mismatches: [String] = []

    init(clients: Int) {
        client = RPCClient(server: server, ledgerCapacity: 64)
        server.listen()
        for _ in 0..<clients { addClient() }
    }

    /// Runs `calls` random calls, then frees every binding and checks the end state.
    mutating func run(calls: Int, using random: inout SplitMix64) {
        for index in 0..<calls {
            step(random: &random, index: index)
        }
        finish()
    }

    private mutating func addClient() {
        let binding = OutParameter<RPCBindingHandle?>()
        _ = client.bind(label: "c\(bindings.count)", binding: binding)
        bindings.append(binding.value)
        model.clients.append(ReferenceModel.Client())
    }

    private mutating func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { mismatches.append(message()) }
    }

    /// A target for a context call: a context and whether to use its stale-able copy, or NULL.
    private func target(_ random: inout SplitMix64) -> (k: Int?, handle: RPCContextHandle?, viaCopy: Bool) {
        guard !values.isEmpty, Int.random(in: 0..<10, using: &random) != 0 else { return (nil, nil, false) }
        let k = Int.random(in: 0..<values.count, using: &random)
        let viaCopy = Int.random(in: 0..<4, using: &random) == 0
        return (k, viaCopy ? values[k] : variables[k], viaCopy)
    }

    private mutating func step(random: inout SplitMix64, index: Int) {
        let c = Int.random(in: 0..<bindings.count, using: &random)
        var expectedRundowns: Set<Int> = []
        let roll = Int.random(in: 0..<100, using: &random)
        let what: String
        switch roll {
        case 0..<24:
            let resource = "r\(Int.random(in: 0..<4, using: &random))"
            what = "open c\(c) \(resource)"
            let opened = OutParameter<RPCContextHandle?>()
            let status = client.openResource(bindings[c], name: resource, context: opened)
            let context = opened.value
            let expected = model.open(client: c, resource: resource)
            check(status == expected, "\(what): \(status), model \(expected)")
            if status == .ok, expected == .ok, let context {
                variables.append(context)
                values.append(context)
                serverNames.append(server.contextEvents.last { $0.action == .opened }?.context ?? "?")
            } else if expected == .ok {
                model.contexts.removeLast()
            }
        case 24..<40:
            let t = target(&random)
            what = "read \(t.k.map(String.init) ?? "NULL")\(t.viaCopy ? " (copy)" : "")"
            let read = OutParameter<[UInt8]>([])
            let status = client.readResource(t.handle, into: read)
            let data = read.value
            let expected = model.route(t.k, null: t.handle == nil)
            check(status == expected, "\(what): \(status), model \(expected)")
            if status == .ok, let k = t.k {
                check(data == model.store[model.contexts[k].resource], "\(what): data \(data)")
            }
        case 40..<50:
            let t = target(&random)
            let bytes = (0..<Int.random(in: 0...4, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            what = "write \(t.k.map(String.init) ?? "NULL")\(t.viaCopy ? " (copy)" : "")"
            let status = client.writeResource(t.handle, bytes: bytes)
            let expected = model.route(t.k, null: t.handle == nil)
            check(status == expected, "\(what): \(status), model \(expected)")
            if expected == .ok, let k = t.k {
                model.store[model.contexts[k].resource, default: []].append(contentsOf: bytes)
            }
        case 50..<62:
            let t = target(&random)
            what = "close \(t.k.map(String.init) ?? "NULL")\(t.viaCopy ? " (copy)" : "")"
            let variable = OutParameter(t.handle)
            let status = client.closeResource(variable)
            let handle = variable.value
            let expected = model.close(t.k, null: t.handle == nil)
            check(status == expected, "\(what): \(status), model \(expected)")
            if let c = model.client(of: t.k) { expectedRundowns = model.settle(client: c) }
            check(handle == (status == .ok ? nil : t.handle), "\(what): handle after close \(String(describing: handle))")
            if let k = t.k, !t.viaCopy { variables[k] = handle }
        case 62..<75:
            let t = target(&random)
            let raising = Int.random(in: 0..<3, using: &random) == 0
            what = "\(raising ? "RpcSs" : "RpcSm")DestroyClientContext \(t.k.map(String.init) ?? "NULL")\(t.viaCopy ? " (copy)" : "")"
            let variable = OutParameter(t.handle)
            let serverEvents = server.table.ledger.eventCount
            let associations = model.liveAssociations
            var status = RPCStatus.ok
            if raising {
                do {
                    try client.destroyClientContextRaising(variable)
                } catch {
                    status = error.status
                }
            } else {
                status = client.destroyClientContext(variable)
            }
            let handle = variable.value
            let expected = model.destroy(t.k, null: t.handle == nil)
            check(status == expected, "\(what): \(status), model \(expected)")
            if let c = model.client(of: t.k) { expectedRundowns = model.settle(client: c) }
            check(handle == nil, "\(what): handle not set to NULL")
            check(
                model.liveAssociations != associations || server.table.ledger.eventCount == serverEvents,
                "\(what): the server was contacted")
            if let k = t.k, !t.viaCopy { variables[k] = handle }
        case 75..<84:
            what = "drop c\(c)"
            let status = client.dropConnection(bindings[c])
            let (expected, runDown) = model.drop(client: c)
            check(status == expected, "\(what): \(status), model \(expected)")
            expectedRundowns = runDown
        case 84..<95:
            what = "reconnect c\(c)"
            let status = client.reconnect(bindings[c])
            let expected = model.reconnect(client: c)
            check(status == expected, "\(what): \(status), model \(expected)")
        case 95..<97:
            what = "RpcBindingFree c\(c)"
            let binding = OutParameter(bindings[c])
            let status = client.freeBinding(binding)
            let (expected, runDown) = model.freeBinding(client: c)
            check(status == expected, "\(what): \(status), model \(expected)")
            check(status != .ok || binding.value == nil, "\(what): binding not set to NULL")
            expectedRundowns = runDown
        default:
            what = "bind c\(bindings.count)"
            addClient()
        }
        checkRundowns(expected: expectedRundowns, after: "call \(index): \(what)")
        checkLiveCounts(after: "call \(index): \(what)")
    }

    /// The rundowns since the last check must be exactly the expected contexts, once each.
    private mutating func checkRundowns(expected: Set<Int>, after what: String) {
        let events = server.contextEvents
        let new = events[min(eventMark, events.count)...].filter { $0.action == .rundown }.map(\.context)
        eventMark = events.count
        let expectedNames = expected.map { serverNames[$0] }
        check(new.sorted() == expectedNames.sorted(), "\(what): rundowns \(new), model \(expectedNames.sorted())")
    }

    private mutating func checkLiveCounts(after what: String) {
        let clientContexts = client.table.liveCount(of: .rpcClientContext)
        let copies = client.table.liveCount(of: .rpcBindingCopy)
        let serverContexts = server.table.liveCount(of: .rpcServerContext)
        let associations = server.table.liveCount(of: .rpcAssociation)
        let expected = (model.liveClientContexts, model.liveServerContexts, model.liveAssociations)
        check(clientContexts == expected.0 && copies == clientContexts,
              "\(what): client contexts \(clientContexts) (copies \(copies)), model \(expected.0)")
        check(serverContexts == expected.1, "\(what): server contexts \(serverContexts), model \(expected.1)")
        check(associations == expected.2, "\(what): associations \(associations), model \(expected.2)")
    }

    /// Frees every binding still live, then: nothing live anywhere, and each server context ran
    /// down exactly once unless it was closed, in which case never.
    private mutating func finish() {
        for c in bindings.indices where model.clients[c].bindingLive {
            let status = client.freeBinding(OutParameter(bindings[c]))
            let (expected, runDown) = model.freeBinding(client: c)
            check(status == expected, "final RpcBindingFree c\(c): \(status), model \(expected)")
            checkRundowns(expected: runDown, after: "final RpcBindingFree c\(c)")
        }
        for k in model.contexts.indices where model.contexts[k].clientMemoryLive {
            let status = client.destroyClientContext(OutParameter(values[k]))
            let expected = model.destroy(k, null: false)
            check(status == expected, "final RpcSmDestroyClientContext \(k): \(status), model \(expected)")
            checkRundowns(expected: model.settle(client: model.contexts[k].client), after: "final destroy \(k)")
        }
        let clientLive = client.table.liveCount()
        let serverLive = server.table.liveCount()
        check(clientLive == 0, "client ledger ends with \(clientLive) live")
        check(serverLive == 0, "server ledger ends with \(serverLive) live")
        var rundowns: [String: Int] = [:]
        for event in server.contextEvents where event.action == .rundown {
            rundowns[event.context, default: 0] += 1
        }
        for (k, context) in model.contexts.enumerated() {
            let count = rundowns[serverNames[k]] ?? 0
            switch context.server {
            case .closed: check(count == 0, "closed context \(k) ran down \(count) time(s)")
            case .runDown: check(count == 1, "context \(k) ran down \(count) time(s), not once")
            case .open: check(false, "context \(k) still open in the model at the end")
            }
        }
        check(rundowns.values.reduce(0, +) == model.contexts.filter { $0.server == .runDown }.count,
              "rundowns for contexts the model does not know")
    }
}
