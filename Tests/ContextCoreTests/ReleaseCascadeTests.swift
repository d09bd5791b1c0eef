import ContextCore
import Synchronization
import Testing

/// Collects the names of freed resources in the order their release actions ran.
final class FreeLog: Sendable {
    private let names = Mutex<[String]>([])

    func action(_ tag: String) -> ReleaseAction {
        { [self] _ in names.withLock { $0.append(tag) } }
    }

    var order: [String] { names.withLock { $0 } }
}

@Suite("Release cascade: children first, deepest first, deterministic")
struct ReleaseCascadeTests {
    @Test("freeing a parent frees its children first, newest first, then itself")
    func childrenFirst() throws {
        let table = HandleTable()
        let log = FreeLog()
        let parent = try table.allocate("context", onFree: log.action("context"))
        _ = try table.allocate("key", owner: parent, onFree: log.action("key1"))
        _ = try table.allocate("key", owner: parent, onFree: log.action("key2"))
        _ = try table.allocate("hash", owner: parent, onFree: log.action("hash3"))
        let freed = try table.release(parent).freed
        #expect(log.order == ["hash3", "key2", "key1", "context"])
        #expect(freed.map(\.info.name) == ["hash#4", "key#3", "key#2", "context#1"])
        #expect(table.liveCount() == 0)
    }

    @Test("grandchildren go before children (deepest first)")
    func deepestFirst() throws {
        let table = HandleTable()
        let log = FreeLog()
        let root = try table.allocate("root", onFree: log.action("root"))
        let child = try table.allocate("child", owner: root, onFree: log.action("child"))
        _ = try table.allocate("grandchild", owner: child, onFree: log.action("grandchild"))
        _ = try table.allocate("sibling", owner: root, onFree: log.action("sibling"))
        try table.release(root)
        #expect(log.order == ["sibling", "grandchild", "child", "root"])
    }

    @Test("the release order puts listed kinds first among siblings")
    func releaseOrder() throws {
        let table = HandleTable(releaseOrder: ["card", "buffer"])
        let log = FreeLog()
        let context = try table.allocate("context", onFree: log.action("context"))
        _ = try table.allocate("buffer", owner: context, onFree: log.action("buffer1"))
        _ = try table.allocate("card", owner: context, onFree: log.action("card"))
        _ = try table.allocate("buffer", owner: context, onFree: log.action("buffer2"))
        try table.free(context)
        #expect(log.order == ["card", "buffer2", "buffer1", "context"])
    }

    @Test("children are freed whatever their own counts; their handles become stale")
    func forcedChildren() throws {
        let table = HandleTable()
        let parent = try table.allocate("context")
        let child = try table.allocate("key", owner: parent)
        try table.retain(child)
        try table.release(parent)
        #expect(!table.isLive(child))
        #expect(throws: HandleError.stale(child, kind: "key")) { try table.release(child) }
    }

    @Test("a child freed earlier is not freed again by its parent")
    func childFreedEarlier() throws {
        let table = HandleTable()
        let log = FreeLog()
        let parent = try table.allocate("context", onFree: log.action("context"))
        let child = try table.allocate("buffer", owner: parent, onFree: log.action("buffer"))
        try table.free(child)
        try table.release(parent)
        #expect(log.order == ["buffer", "context"])
        #expect(try table.children(of: try table.allocate("other")).isEmpty)
    }

    @Test("a failing release action is reported and does not stop the cascade")
    func failingAction() throws {
        struct Boom: Error {}
        let table = HandleTable()
        let log = FreeLog()
        let parent = try table.allocate("context", onFree: log.action("context"))
        _ = try table.allocate("card", owner: parent, onFree: { _ in throw Boom() })
        let freed = try table.release(parent).freed
        #expect(freed.count == 2)
        #expect(freed[0].failure is Boom)
        #expect(freed[1].failure == nil)
        #expect(log.order == ["context"])
        #expect(table.ledger.events.last?.note == "")
        #expect(table.ledger.events.contains { $0.note.contains("release action failed") })
        #expect(table.liveCount() == 0)
    }

    @Test("a release that leaves references frees nothing")
    func partialRelease() throws {
        let table = HandleTable()
        let log = FreeLog()
        let parent = try table.allocate("context", onFree: log.action("context"))
        _ = try table.allocate("key", owner: parent, onFree: log.action("key"))
        try table.retain(parent)
        #expect(try table.release(parent).remaining == 1)
        #expect(log.order.isEmpty)
        #expect(table.liveCount() == 2)
    }
}
