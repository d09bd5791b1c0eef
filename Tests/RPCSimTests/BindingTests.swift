import ContextCore
import RPCSim
import Testing

/// Binding handles: invalid bindings, RpcBindingFree, and a server that does not listen.
@Suite("RPC binding handles")
struct BindingTests {
    @Test("a NULL, freed or unknown binding gives RPC_S_INVALID_BINDING and opens nothing")
    func invalidBinding() {
        let world = RPCTestWorld()
        #expect(world.open(nil).0 == .invalidBinding)
        #expect(world.open(RPCBindingHandle(rawValue: 0xDEAD)).0 == .invalidBinding)
        let binding = OutParameter(world.bind())
        let kept = binding.value
        #expect(world.client.freeBinding(binding) == .ok)
        #expect(binding.value == nil)
        #expect(world.open(kept).0 == .invalidBinding)
        let again = OutParameter(kept)
        #expect(world.client.freeBinding(again) == .invalidBinding)
        #expect(again.value == kept)
        #expect(world.liveTotal == 0)
    }

    @Test("a context handle passed as a binding is not a binding")
    func contextAsBinding() {
        let world = RPCTestWorld()
        let (_, context) = world.open(world.bind())
        let fake = context.flatMap { RPCBindingHandle(rawValue: $0.rawValue) }
        #expect(world.open(fake).0 == .invalidBinding)
    }

    @Test("a server that does not listen is unavailable; the binding works once it listens")
    func notListening() {
        let world = RPCTestWorld(listening: false)
        let binding = world.bind()
        #expect(world.open(binding).0 == .serverUnavailable)
        #expect(world.associations == 0)
        #expect(world.server.listen())
        #expect(!world.server.listen())
        #expect(world.open(binding).0 == .ok)
    }

    /// Win32 "Client development using context handles" frees the binding and keeps calling through
    /// the context handle; Wine's ndr_contexthandle.c gives each context handle its own binding.
    @Test("freeing a binding leaves its context handles working; the association ends with the last of them")
    func freeBindingKeepsContexts() {
        let world = RPCTestWorld()
        let binding = OutParameter(world.bind())
        let (_, open) = world.open(binding.value, "a")
        let closed = OutParameter(world.open(binding.value, "b").1)
        _ = world.client.closeResource(closed)
        #expect(world.client.freeBinding(binding) == .ok)
        #expect(binding.value == nil)
        #expect(world.server.rundowns.isEmpty)
        #expect(world.client.writeResource(open, bytes: [1]) == .ok)
        #expect(world.read(open) == (.ok, [1]))
        #expect(world.associations == 1)
        #expect(world.client.destroyClientContext(OutParameter(open)) == .ok)
        #expect(world.server.rundowns.map(\.resource) == ["a"])
        #expect(world.liveTotal == 0)
    }

    @Test("the binding's association is made by the first call, not by the binding")
    func lazyAssociation() {
        let world = RPCTestWorld()
        let binding = world.bind()
        #expect(world.associations == 0)
        _ = world.open(binding)
        _ = world.open(binding)
        #expect(world.associations == 1)
    }

    @Test("calls from many threads leave both ledgers consistent and every open context run down or closed once")
    func concurrentClients() async {
        let world = RPCTestWorld()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let binding = OutParameter(world.bind("c\(index)"))
                    var kept: [OutParameter<RPCContextHandle?>] = []
                    for round in 0..<50 {
                        let context = OutParameter(world.open(binding.value, "r\(round % 3)").1)
                        _ = world.client.writeResource(context.value, bytes: [UInt8(index)])
                        switch round % 3 {
                        case 0: _ = world.client.closeResource(context)
                        case 1: _ = world.client.destroyClientContext(context)
                        default: kept.append(context)
                        }
                        if round % 10 == 9 {
                            _ = world.client.dropConnection(binding.value)
                            _ = world.client.reconnect(binding.value)
                        }
                    }
                    _ = world.client.freeBinding(binding)
                    // The handles left open outlive the binding; destroying the last closes the association.
                    for context in kept { _ = world.client.destroyClientContext(context) }
                }
            }
        }
        #expect(world.liveTotal == 0)
        let events = world.server.contextEvents
        let opened = events.filter { $0.action == .opened }.map(\.context)
        let ended = events.filter { $0.action != .opened }.map(\.context)
        #expect(opened.count == 400)
        #expect(ended.sorted() == opened.sorted())
        #expect(events.filter { $0.action == .closed }.count == 136)
    }
}
