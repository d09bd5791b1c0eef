import ContextCore
import RPCSim
import Testing

/// Rows `RpcSmDestroyClientContext`, `RpcSsDestroyClientContext`, "destroy while the association is
/// alive" and "use of a destroyed handle" of section 4, and its "Tests:" list.
@Suite("RpcSmDestroyClientContext and RpcSsDestroyClientContext")
struct DestroyClientContextTests {
    @Test("a valid handle: its memory and its binding copy are freed, it is set to NULL, RPC_S_OK, and the server is not contacted")
    func destroyValid() {
        let world = RPCTestWorld()
        let (_, opened) = world.open(world.bind())
        let context = OutParameter(opened)
        let serverEvents = world.server.table.ledger.eventCount
        #expect(world.client.destroyClientContext(context) == .ok)
        #expect(context.value == nil)
        #expect(world.clientContexts == 0)
        #expect(world.client.table.liveCount(of: .rpcBindingCopy) == 0)
        #expect(world.server.table.ledger.eventCount == serverEvents)
        #expect(world.rundowns == 0)
    }

    @Test("an invalid or unknown handle: RPC_X_SS_CONTEXT_MISMATCH, and the handle is still set to NULL")
    func destroyInvalid() {
        let world = RPCTestWorld()
        let unknown = OutParameter(RPCContextHandle(rawValue: 0xDEAD_BEEF))
        #expect(world.client.destroyClientContext(unknown) == .contextMismatch)
        #expect(unknown.value == nil)
        let null = OutParameter<RPCContextHandle?>()
        #expect(world.client.destroyClientContext(null) == .contextMismatch)
        let binding = world.bind()
        let notAContext = OutParameter(binding.flatMap { RPCContextHandle(rawValue: $0.rawValue) })
        #expect(world.client.destroyClientContext(notAContext) == .contextMismatch)
        #expect(notAContext.value == nil)
        #expect(world.client.table.liveCount(of: .rpcBinding) == 1)
    }

    @Test("RpcSsDestroyClientContext does the same, and raises the mismatch as an exception")
    func destroyRaising() throws {
        let world = RPCTestWorld()
        let (_, opened) = world.open(world.bind())
        let context = OutParameter(opened)
        try world.client.destroyClientContextRaising(context)
        #expect(context.value == nil)
        #expect(world.clientContexts == 0)
        let again = OutParameter(opened)
        #expect(throws: RPCException(.contextMismatch)) {
            try world.client.destroyClientContextRaising(again)
        }
        #expect(again.value == nil)
        #expect(throws: RPCException(.contextMismatch)) {
            try world.client.destroyClientContextRaising(context)
        }
    }

    @Test("destroy after drop frees the client memory; the rundown ran once at the drop and not at destroy")
    func destroyAfterDrop() {
        let world = RPCTestWorld()
        let binding = OutParameter(world.bind())
        let context = OutParameter(world.open(binding.value).1)
        _ = world.client.dropConnection(binding.value)
        #expect(world.rundowns == 1)
        #expect(world.clientContexts == 1)
        #expect(world.client.destroyClientContext(context) == .ok)
        #expect(world.rundowns == 1)
        #expect(world.clientContexts == 0)
        _ = world.client.freeBinding(binding)
        #expect(world.rundowns == 1)
        #expect(world.liveTotal == 0)
    }

    @Test("destroy while connected leaves the server context live until the drop, then the rundown runs once")
    func destroyWhileConnected() {
        let world = RPCTestWorld()
        let binding = OutParameter(world.bind())
        let context = OutParameter(world.open(binding.value).1)
        #expect(world.client.destroyClientContext(context) == .ok)
        #expect(world.clientContexts == 0)
        #expect(world.serverContexts == 1)
        #expect(world.rundowns == 0)
        _ = world.client.dropConnection(binding.value)
        #expect(world.serverContexts == 0)
        #expect(world.rundowns == 1)
        _ = world.client.freeBinding(binding)
        #expect(world.rundowns == 1)
        #expect(world.liveTotal == 0)
    }

    @Test("destroy while connected, then the binding is freed: the association closes and the rundown runs once")
    func destroyThenFreeBinding() {
        let world = RPCTestWorld()
        let binding = OutParameter(world.bind())
        let context = OutParameter(world.open(binding.value).1)
        _ = world.client.destroyClientContext(context)
        #expect(world.rundowns == 0)
        #expect(world.client.freeBinding(binding) == .ok)
        #expect(world.rundowns == 1)
        #expect(world.liveTotal == 0)
    }

    @Test("a second destroy of the same (now NULL) variable, or a destroy after close, gives RPC_X_SS_CONTEXT_MISMATCH")
    func secondDestroy() {
        let world = RPCTestWorld()
        let binding = world.bind()
        let first = OutParameter(world.open(binding).1)
        #expect(world.client.destroyClientContext(first) == .ok)
        #expect(world.client.destroyClientContext(first) == .contextMismatch)
        let second = OutParameter(world.open(binding).1)
        let copy = second.value
        #expect(world.client.closeResource(second) == .ok)
        #expect(world.client.destroyClientContext(second) == .contextMismatch)
        let staleCopy = OutParameter(copy)
        #expect(world.client.destroyClientContext(staleCopy) == .contextMismatch)
        #expect(staleCopy.value == nil)
        #expect(world.rundowns == 0)
    }

    @Test("use of a destroyed handle: the variable is NULL, so RPC_X_SS_IN_NULL_CONTEXT")
    func useAfterDestroy() {
        let world = RPCTestWorld()
        let context = OutParameter(world.open(world.bind()).1)
        let copy = context.value
        _ = world.client.destroyClientContext(context)
        #expect(world.read(context.value).0 == .inNullContext)
        #expect(world.client.writeResource(context.value, bytes: [1]) == .inNullContext)
        #expect(world.read(copy).0 == .contextMismatch)
    }

    @Test("both ledgers end at 0 live after open, drop, destroy and binding free")
    func bothLedgersClean() {
        let world = RPCTestWorld()
        let binding = OutParameter(world.bind())
        let a = OutParameter(world.open(binding.value, "a").1)
        let b = OutParameter(world.open(binding.value, "b").1)
        _ = world.client.closeResource(b)
        _ = world.client.dropConnection(binding.value)
        _ = world.client.destroyClientContext(a)
        _ = world.client.freeBinding(binding)
        #expect(world.client.table.liveCount() == 0)
        #expect(world.server.table.liveCount() == 0)
        #expect(world.server.rundowns.map(\.resource) == ["a"])
    }
}
