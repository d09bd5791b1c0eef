import ContextCore
import RPCSim
import Testing

/// Rows "open", "call with the handle" and "close" of section 4.
@Suite("RPC context handles: open, call, close")
struct ContextHandleTests {
    @Test("open gives a non-NULL client handle, a root holding its own binding copy, and a live server context under the association")
    func open() throws {
        let world = RPCTestWorld()
        let binding = world.bind()
        let (status, context) = world.open(binding)
        #expect(status == .ok)
        let handle = try #require(context)
        let clientMemory = try #require(world.resource(handle.rawValue, in: world.client.table))
        #expect(clientMemory.kind == .rpcClientContext)
        // Wine's ndr_contexthandle.c: a context handle keeps its own binding, so it outlives RpcBindingFree.
        #expect(clientMemory.owner == nil)
        #expect(binding != nil)
        let copies = try world.client.table.children(of: clientMemory.handle)
        #expect(copies.count == 1)
        #expect(world.client.table.info(copies[0])?.kind == .rpcBindingCopy)
        let serverContext = try #require(world.server.table.liveResources().first { $0.kind == .rpcServerContext })
        let association = try #require(world.server.table.liveResources().first { $0.kind == .rpcAssociation })
        #expect(serverContext.owner == association.handle)
        #expect(association.label == "c1")
        #expect(world.server.contextEvents.map(\.action) == [.opened])
    }

    @Test("the server sees its context: data written through a handle is read back, also through another client")
    func call() {
        let world = RPCTestWorld()
        let (_, first) = world.open(world.bind("c1"))
        let (_, second) = world.open(world.bind("c2"))
        #expect(world.client.writeResource(first, bytes: Array("hello".utf8)) == .ok)
        #expect(world.read(first) == (.ok, Array("hello".utf8)))
        #expect(world.read(second) == (.ok, Array("hello".utf8)))
        #expect(world.server.contents(of: "notes") == Array("hello".utf8))
    }

    @Test("a NULL handle in an [in] position gives RPC_X_SS_IN_NULL_CONTEXT and reaches no one")
    func nullContext() {
        let world = RPCTestWorld()
        _ = world.open(world.bind())
        let serverEvents = world.server.table.ledger.eventCount
        #expect(world.read(nil).0 == .inNullContext)
        #expect(world.client.writeResource(nil, bytes: [1]) == .inNullContext)
        let context = OutParameter<RPCContextHandle?>()
        #expect(world.client.closeResource(context) == .inNullContext)
        #expect(world.server.table.ledger.eventCount == serverEvents)
    }

    @Test("a handle nobody issued, or a binding passed as a context, gives RPC_X_SS_CONTEXT_MISMATCH")
    func unknownHandle() {
        let world = RPCTestWorld()
        let binding = world.bind()
        _ = world.open(binding)
        #expect(world.read(RPCContextHandle(rawValue: 0xDEAD_BEEF)).0 == .contextMismatch)
        #expect(world.read(RPCContextHandle(rawValue: 0x1_0000_0000)).0 == .contextMismatch)
        #expect(world.read(RPCContextHandle(rawValue: ~0)).0 == .contextMismatch)
        #expect(world.read(binding.flatMap { RPCContextHandle(rawValue: $0.rawValue) }).0 == .contextMismatch)
    }

    @Test("close frees the server context without a rundown, frees the client memory, and sets the handle to NULL")
    func close() throws {
        let world = RPCTestWorld()
        let (_, opened) = world.open(world.bind())
        let context = OutParameter(opened)
        #expect(world.client.closeResource(context) == .ok)
        #expect(context.value == nil)
        #expect(world.clientContexts == 0)
        #expect(world.client.table.liveCount(of: .rpcBindingCopy) == 0)
        #expect(world.serverContexts == 0)
        #expect(world.rundowns == 0)
        #expect(world.server.contextEvents.map(\.action) == [.opened, .closed])
    }

    @Test("the next call after a close: the NULL variable gives RPC_X_SS_IN_NULL_CONTEXT, a kept copy RPC_X_SS_CONTEXT_MISMATCH")
    func useAfterClose() {
        let world = RPCTestWorld()
        let (_, opened) = world.open(world.bind())
        let context = OutParameter(opened)
        _ = world.client.closeResource(context)
        #expect(world.read(context.value).0 == .inNullContext)
        #expect(world.read(opened).0 == .contextMismatch)
        let copy = OutParameter(opened)
        #expect(world.client.closeResource(copy) == .contextMismatch)
        #expect(copy.value == opened)
        #expect(world.client.table.ledger.totals[.staleUse] == 2)
    }

    @Test("no rundown ever runs for a closed context, even when its association drops later")
    func noRundownAfterClose() {
        let world = RPCTestWorld()
        let binding = world.bind()
        let (_, opened) = world.open(binding)
        let context = OutParameter(opened)
        _ = world.client.closeResource(context)
        #expect(world.client.dropConnection(binding) == .ok)
        let freed = OutParameter(binding)
        #expect(world.client.freeBinding(freed) == .ok)
        #expect(world.rundowns == 0)
        #expect(world.liveTotal == 0)
    }
}
