import ContextCore
import Testing

@Suite("Deferred frees on the work queue")
struct WorkQueueTests {
    @Test("a deferred free is queued: the handle is stale at once, the action runs when drained")
    func queuedThenFreed() throws {
        let table = HandleTable()
        let log = FreeLog()
        let handle = try table.allocate("flt-context", onFree: log.action("cleanup"))
        #expect(try table.release(handle, deferFree: true).remaining == 0)
        #expect(table.queuedCount == 1)
        #expect(log.order.isEmpty)
        #expect(!table.isLive(handle))
        #expect(throws: HandleError.stale(handle, kind: "flt-context")) { try table.retain(handle) }
        #expect(table.liveCount() == 1)
        let freed = table.drainWorkQueue()
        #expect(freed.map(\.info.handle) == [handle])
        #expect(log.order == ["cleanup"])
        #expect(table.queuedCount == 0)
        #expect(table.liveCount() == 0)
        let actions = table.ledger.events.map(\.action)
        #expect(actions == [.allocate, .queued, .staleUse, .free])
    }

    @Test("work items run one at a time, oldest first")
    func stepping() throws {
        let table = HandleTable()
        let log = FreeLog()
        let first = try table.allocate("ctx", onFree: log.action("first"))
        let second = try table.allocate("ctx", onFree: log.action("second"))
        try table.release(first, deferFree: true)
        try table.release(second, deferFree: true)
        #expect(table.runNextWorkItem()?.count == 1)
        #expect(log.order == ["first"])
        #expect(table.queuedCount == 1)
        #expect(table.runNextWorkItem()?.count == 1)
        #expect(table.runNextWorkItem() == nil)
        #expect(log.order == ["first", "second"])
    }

    @Test("a deferred release that leaves references queues nothing")
    func deferredButReferenced() throws {
        let table = HandleTable()
        let handle = try table.allocate("ctx")
        try table.retain(handle)
        #expect(try table.release(handle, deferFree: true).remaining == 1)
        #expect(table.queuedCount == 0)
        #expect(table.isLive(handle))
    }

    @Test("freeing the parent of a queued resource frees it once and empties the queue")
    func parentFreesQueuedChild() throws {
        let table = HandleTable()
        let log = FreeLog()
        let parent = try table.allocate("volume", onFree: log.action("volume"))
        let child = try table.allocate("ctx", owner: parent, onFree: log.action("ctx"))
        try table.release(child, deferFree: true)
        try table.release(parent)
        #expect(log.order == ["ctx", "volume"])
        #expect(table.queuedCount == 0)
        #expect(table.drainWorkQueue().isEmpty)
        #expect(table.liveCount() == 0)
    }
}
