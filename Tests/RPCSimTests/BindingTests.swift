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
        var binding = world.bind()
        let kept = binding
        #expect(world.client.freeBinding(&binding) == .ok)
        #expect(binding == nil)
        #expect(world.open(kept).0 == .invalidBinding)
        var again = kept
        #expect(world.client.freeBinding(&again) == .invalidBinding)
        #expect(again == kept)
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

    @Test("freeing a binding frees its context handles' client memory, closes the association, and runs down the open contexts once")
    func freeBindingCascade() {
        let world = RPCTestWorld()
        var binding = world.bind()
        let (_, open) = world.open(binding, "a")
        var (_, closed) = world.open(binding, "b")
        _ = world.client.closeResource(&closed)
        #expect(world.client.freeBinding(&binding) == .ok)
        #expect(world.server.rundowns.map(\.resource) == ["a"])
        #expect(world.liveTotal == 0)
        var stale = open
        #expect(world.client.destroyClientContext(&stale) == .contextMismatch)
        #expect(world.read(open).0 == .contextMismatch)
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
                    var binding = world.bind("c\(index)")
                    for round in 0..<50 {
                        var (_, context) = world.open(binding, "r\(round % 3)")
                        _ = world.client.writeResource(context, bytes: [UInt8(index)])
                        switch round % 3 {
                        case 0: _ = world.client.closeResource(&context)
                        case 1: _ = world.client.destroyClientContext(&context)
                        default: break
                        }
                        if round % 10 == 9 {
                            _ = world.client.dropConnection(binding)
                            _ = world.client.reconnect(binding)
                        }
                    }
                    _ = world.client.freeBinding(&binding)
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
