import ContextCore
import Synchronization
import Testing

/// A counter tasks can share.
final class Counter: Sendable {
    private let value = Mutex(0)

    func add() { value.withLock { $0 += 1 } }

    var count: Int { value.withLock { $0 } }
}

@Suite("Thread safety")
struct ConcurrencyTests {
    @Test("many tasks allocating, retaining, releasing and freeing trees leave nothing live")
    func stress() async throws {
        let table = HandleTable(ledgerCapacity: 1000)
        let actions = Counter()
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for round in 0..<500 {
                        guard let parent = try? table.allocate("context", onFree: { _ in actions.add() })
                        else { continue }
                        var children: [Handle] = []
                        for _ in 0..<(round % 4) {
                            if let child = try? table.allocate("key", owner: parent, onFree: { _ in actions.add() }) {
                                children.append(child)
                            }
                        }
                        _ = try? table.retain(parent)
                        _ = try? table.release(parent)
                        if let first = children.first, worker % 2 == 0 {
                            _ = try? table.release(first)
                        }
                        _ = try? table.release(parent, deferFree: round % 7 == 0)
                        _ = try? table.release(parent)
                        if round % 50 == 0 { table.drainWorkQueue() }
                    }
                }
            }
        }
        table.drainWorkQueue()
        #expect(table.liveCount() == 0)
        let ledger = table.ledger
        #expect(ledger.totals[.allocate] == ledger.totals[.free])
        #expect(actions.count == ledger.totals[.free])
    }

    @Test("racing releases of one handle free it exactly once")
    func racingRelease() async throws {
        for _ in 0..<50 {
            let table = HandleTable()
            let frees = Counter()
            let handle = try table.allocate("context", onFree: { _ in frees.add() })
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { _ = try? table.release(handle) }
                }
            }
            #expect(frees.count == 1)
            #expect(table.ledger.totals[.staleUse] == 7)
        }
    }
}
