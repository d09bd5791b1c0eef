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
        var context = opened
        let serverEvents = world.server.table.ledger.eventCount
        #expect(world.client.destroyClientContext(&context) == .ok)
        #expect(context == nil)
        #expect(world.clientContexts == 0)
        #expect(world.client.table.liveCount(of: .rpcBindingCopy) == 0)
        #expect(world.server.table.ledger.eventCount == serverEvents)
        #expect(world.rundowns == 0)
    }

    @Test("an invalid or unknown handle: RPC_X_SS_CONTEXT_MISMATCH, and the handle is still set to NULL")
    func destroyInvalid() {
        let world = RPCTestWorld()
        var unknown = RPCContextHandle(rawValue: 0xDEAD_BEEF)
        #expect(world.client.destroyClientContext(&unknown) == .contextMismatch)
        #expect(unknown == nil)
        var null: RPCContextHandle?
        #expect(world.client.destroyClientContext(&null) == .contextMismatch)
        let binding = world.bind()
        var notAContext = binding.flatMap { RPCContextHandle(rawValue: $0.rawValue) }
        #expect(world.client.destroyClientContext(&notAContext) == .contextMismatch)
        #expect(notAContext == nil)
        #expect(world.client.table.liveCount(of: .rpcBinding) == 1)
    }

    @Test("RpcSsDestroyClientContext does the same, and raises the mismatch as an exception")
    func destroyRaising() throws {
        let world = RPCTestWorld()
        let (_, opened) = world.open(world.bind())
        var context = opened
        try world.client.destroyClientContextRaising(&context)
        #expect(context == nil)
        #expect(world.clientContexts == 0)
        var again = opened
        #expect(throws: RPCException(.contextMismatch)) {
            try world.client.destroyClientContextRaising(&again)
        }
        #expect(again == nil)
        #expect(throws: RPCException(.contextMismatch)) {
            try world.client.destroyClientContextRaising(&context)
        }
    }

    @Test("destroy after drop frees the client memory; the rundown ran once at the drop and not at destroy")
    func destroyAfterDrop() {
        let world = RPCTestWorld()
        var binding = world.bind()
        var (_, context) = world.open(binding)
        _ = world.client.dropConnection(binding)
        #expect(world.rundowns == 1)
        #expect(world.clientContexts == 1)
        #expect(world.client.destroyClientContext(&context) == .ok)
        #expect(world.rundowns == 1)
        #expect(world.clientContexts == 0)
        _ = world.client.freeBinding(&binding)
        #expect(world.rundowns == 1)
        #expect(world.liveTotal == 0)
    }

    @Test("destroy while connected leaves the server context live until the drop, then the rundown runs once")
    func destroyWhileConnected() {
        let world = RPCTestWorld()
        var binding = world.bind()
        var (_, context) = world.open(binding)
        #expect(world.client.destroyClientContext(&context) == .ok)
        #expect(world.clientContexts == 0)
        #expect(world.serverContexts == 1)
        #expect(world.rundowns == 0)
        _ = world.client.dropConnection(binding)
        #expect(world.serverContexts == 0)
        #expect(world.rundowns == 1)
        _ = world.client.freeBinding(&binding)
        #expect(world.rundowns == 1)
        #expect(world.liveTotal == 0)
    }

    @Test("destroy while connected, then the binding is freed: the association closes and the rundown runs once")
    func destroyThenFreeBinding() {
        let world = RPCTestWorld()
        var binding = world.bind()
        var (_, context) = world.open(binding)
        _ = world.client.destroyClientContext(&context)
        #expect(world.rundowns == 0)
        #expect(world.client.freeBinding(&binding) == .ok)
        #expect(world.rundowns == 1)
        #expect(world.liveTotal == 0)
    }

    @Test("a second destroy of the same (now NULL) variable, or a destroy after close, gives RPC_X_SS_CONTEXT_MISMATCH")
    func secondDestroy() {
        let world = RPCTestWorld()
        let binding = world.bind()
        var (_, first) = world.open(binding)
        #expect(world.client.destroyClientContext(&first) == .ok)
        #expect(world.client.destroyClientContext(&first) == .contextMismatch)
        var (_, second) = world.open(binding)
        let copy = second
        #expect(world.client.closeResource(&second) == .ok)
        #expect(world.client.destroyClientContext(&second) == .contextMismatch)
        var staleCopy = copy
        #expect(world.client.destroyClientContext(&staleCopy) == .contextMismatch)
        #expect(staleCopy == nil)
        #expect(world.rundowns == 0)
    }

    @Test("use of a destroyed handle: the variable is NULL, so RPC_X_SS_IN_NULL_CONTEXT")
    func useAfterDestroy() {
        let world = RPCTestWorld()
        var (_, context) = world.open(world.bind())
        let copy = context
        _ = world.client.destroyClientContext(&context)
        #expect(world.read(context).0 == .inNullContext)
        #expect(world.client.writeResource(context, bytes: [1]) == .inNullContext)
        #expect(world.read(copy).0 == .contextMismatch)
    }

    @Test("both ledgers end at 0 live after open, drop, destroy and binding free")
    func bothLedgersClean() {
        let world = RPCTestWorld()
        var binding = world.bind()
        var (_, a) = world.open(binding, "a")
        var (_, b) = world.open(binding, "b")
        _ = world.client.closeResource(&b)
        _ = world.client.dropConnection(binding)
        _ = world.client.destroyClientContext(&a)
        _ = world.client.freeBinding(&binding)
        #expect(world.client.table.liveCount() == 0)
        #expect(world.server.table.liveCount() == 0)
        #expect(world.server.rundowns.map(\.resource) == ["a"])
    }
}
