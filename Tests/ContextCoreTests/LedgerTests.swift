import ContextCore
import Synchronization
import Testing

@Suite("Ledger: events, totals, live counts")
struct LedgerTests {
    @Test("every action is recorded in order with names, sizes and counts")
    func events() throws {
        let table = HandleTable()
        let context = try table.allocate("context")
        let buffer = try table.allocate("buffer", owner: context, label: "reader list", bytes: 38)
        try table.retain(context)
        try table.release(context)
        try table.free(buffer)
        try table.release(context)
        let lines = table.ledger.events.map(\.description)
        #expect(lines == [
            "allocate context#1",
            "allocate buffer#2 reader list (38 bytes)",
            "retain context#1 count=2",
            "release context#1 count=1",
            "free buffer#2 reader list (38 bytes)",
            "free context#1",
        ])
        #expect(table.ledger.totals[.allocate] == 2)
        #expect(table.ledger.totals[.free] == 2)
        #expect(table.ledger.liveTotal == 0)
    }

    @Test("live counts per kind follow allocations and frees")
    func liveCounts() throws {
        let table = HandleTable()
        let a = try table.allocate("card")
        _ = try table.allocate("card")
        _ = try table.allocate("buffer")
        #expect(table.ledger.live == ["card": 2, "buffer": 1])
        try table.release(a)
        #expect(table.ledger.live == ["card": 1, "buffer": 1])
        #expect(table.liveResources().map(\.name) == ["card#2", "buffer#3"])
    }

    @Test("a ledger with a capacity keeps the newest events and exact totals")
    func capacity() throws {
        let table = HandleTable(ledgerCapacity: 3)
        for _ in 0..<5 {
            try table.release(try table.allocate("x"))
        }
        let ledger = table.ledger
        #expect(ledger.events.count == 3)
        #expect(ledger.eventCount == 10)
        #expect(ledger.events.map(\.sequence) == [8, 9, 10])
        #expect(ledger.totals[.allocate] == 5)
    }

    @Test("observers see every event as it happens")
    func observers() throws {
        let table = HandleTable()
        let seen = Mutex<[String]>([])
        table.observe { event in seen.withLock { $0.append(event.action.rawValue) } }
        let handle = try table.allocate("x")
        try table.release(handle)
        _ = try? table.release(handle)
        #expect(seen.withLock { $0 } == ["allocate", "free", "stale-use"])
    }
}
