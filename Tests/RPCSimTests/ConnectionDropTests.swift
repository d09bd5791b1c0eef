import ContextCore
import RPCSim
import Testing

/// Row "association dropped" of section 4, and what a reconnect does to old handles.
@Suite("RPC association dropped")
struct ConnectionDropTests {
    @Test("after a drop, calls fail: by binding RPC_S_SERVER_UNAVAILABLE, by context handle RPC_S_CALL_FAILED")
    func callsFail() {
        let world = RPCTestWorld()
        let binding = world.bind()
        let (_, context) = world.open(binding)
        #expect(world.client.dropConnection(binding) == .ok)
        #expect(world.open(binding).0 == .serverUnavailable)
        #expect(world.read(context).0 == .callFailed)
        #expect(world.client.writeResource(context, bytes: [1]) == .callFailed)
        let closing = OutParameter(context)
        #expect(world.client.closeResource(closing) == .callFailed)
        #expect(closing.value == context)
        #expect(!world.client.isReachable(binding))
    }

    @Test("the rundown runs once for each context of the association that was not closed, and the client memory stays")
    func rundownOnce() throws {
        let world = RPCTestWorld()
        let binding = world.bind()
        let (_, kept1) = world.open(binding, "a")
        let (_, kept2) = world.open(binding, "b")
        let closed = OutParameter(world.open(binding, "c").1)
        _ = world.client.closeResource(closed)
        #expect(world.client.dropConnection(binding) == .ok)
        let rundowns = world.server.rundowns
        #expect(rundowns.count == 2)
        #expect(Set(rundowns.map(\.resource)) == ["a", "b"])
        #expect(Set(rundowns.map(\.context)).count == 2)
        #expect(world.serverContexts == 0)
        #expect(world.associations == 0)
        #expect(world.clientContexts == 2)
        #expect(world.client.dropConnection(binding) == .ok)
        #expect(world.server.rundowns.count == 2)
        let first = OutParameter(kept1)
        let second = OutParameter(kept2)
        #expect(world.client.destroyClientContext(first) == .ok)
        #expect(world.client.destroyClientContext(second) == .ok)
        #expect(world.server.rundowns.count == 2)
    }

    @Test("a drop affects only its own association")
    func otherClientUnaffected() {
        let world = RPCTestWorld()
        let c1 = world.bind("c1")
        let c2 = world.bind("c2")
        _ = world.open(c1)
        let (_, other) = world.open(c2)
        #expect(world.client.dropConnection(c1) == .ok)
        #expect(world.rundowns == 1)
        #expect(world.server.rundowns.first?.association.hasSuffix("c1") == true)
        #expect(world.read(other).0 == .ok)
        #expect(world.serverContexts == 1)
    }

    @Test("after a reconnect the binding works on a new association, and the old handle is one the server does not know")
    func reconnect() {
        let world = RPCTestWorld()
        let binding = world.bind()
        let (_, old) = world.open(binding)
        _ = world.client.dropConnection(binding)
        #expect(world.client.reconnect(binding) == .ok)
        #expect(world.client.isReachable(binding))
        #expect(world.read(old).0 == .contextMismatch)
        #expect(world.server.table.ledger.totals[.staleUse] == 1)
        let (status, fresh) = world.open(binding)
        #expect(status == .ok)
        #expect(world.read(fresh).0 == .ok)
        #expect(world.associations == 1)
        #expect(world.rundowns == 1)
    }

    @Test("drop and reconnect of an invalid binding give RPC_S_INVALID_BINDING")
    func invalidBinding() {
        let world = RPCTestWorld()
        let binding = OutParameter(world.bind())
        let kept = binding.value
        _ = world.client.freeBinding(binding)
        #expect(world.client.dropConnection(kept) == .invalidBinding)
        #expect(world.client.reconnect(kept) == .invalidBinding)
        #expect(world.client.dropConnection(nil) == .invalidBinding)
    }
}
