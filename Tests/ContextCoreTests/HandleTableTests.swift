import ContextCore
import Testing

@Suite("Handle table: allocation, references, stale handles")
struct HandleTableTests {
    @Test("a new resource has count 1 and is live")
    func allocate() throws {
        let table = HandleTable()
        let handle = try table.allocate("context", label: "ctx")
        let info = try #require(table.info(handle))
        #expect(info.referenceCount == 1)
        #expect(info.kind == "context")
        #expect(info.name == "context#1")
        #expect(table.liveCount() == 1)
        #expect(table.liveCount(of: "context") == 1)
    }

    @Test("retain and release move the count; the last release frees")
    func retainRelease() throws {
        let table = HandleTable()
        let handle = try table.allocate("key")
        #expect(try table.retain(handle) == 2)
        #expect(try table.retain(handle) == 3)
        #expect(try table.release(handle).remaining == 2)
        #expect(try table.release(handle).remaining == 1)
        let outcome = try table.release(handle)
        #expect(outcome.freed.map(\.info.handle) == [handle])
        #expect(!table.isLive(handle))
        #expect(table.liveCount() == 0)
    }

    @Test("a double release is a stale handle, recorded in the ledger, and changes nothing")
    func doubleRelease() throws {
        let table = HandleTable()
        let handle = try table.allocate("context")
        let other = try table.allocate("context")
        try table.release(handle)
        #expect(throws: HandleError.stale(handle, kind: "context")) { try table.release(handle) }
        #expect(table.ledger.totals[.staleUse] == 1)
        #expect(table.isLive(other))
        #expect(table.liveCount() == 1)
    }

    @Test("a reused slot gets a new generation: the old handle stays stale (no ABA)")
    func noABA() throws {
        let table = HandleTable()
        let old = try table.allocate("card")
        try table.release(old)
        let new = try table.allocate("card")
        #expect(new.slot == old.slot)
        #expect(new.generation != old.generation)
        #expect(throws: HandleError.stale(old, kind: "card")) { try table.validate(old) }
        #expect(try table.validate(new).referenceCount == 1)
    }

    @Test("a handle never issued is unknown, not stale")
    func unknownHandle() throws {
        let table = HandleTable()
        let forged = Handle(slot: 42, generation: 1)
        #expect(throws: HandleError.unknown(forged)) { try table.retain(forged) }
        let raw = try #require(Handle(rawValue: 0xDEAD_BEEF))
        #expect(throws: HandleError.unknown(raw)) { try table.validate(raw) }
        #expect(Handle(rawValue: 0) == nil)
    }

    @Test("the raw value round-trips and is never zero")
    func rawValue() throws {
        let table = HandleTable()
        let handle = try table.allocate("hash")
        #expect(handle.rawValue != 0)
        #expect(Handle(rawValue: handle.rawValue) == handle)
    }

    @Test("a handle of another kind is refused when a kind is expected")
    func wrongKind() throws {
        let table = HandleTable()
        let key = try table.allocate("key")
        #expect(throws: HandleError.wrongKind(key, expected: "context", actual: "key")) {
            try table.release(key, expecting: "context")
        }
        #expect(table.isLive(key))
    }

    @Test("allocation under a freed owner fails")
    func ownerMustBeLive() throws {
        let table = HandleTable()
        let owner = try table.allocate("context")
        try table.release(owner)
        #expect(throws: HandleError.self) { try table.allocate("card", owner: owner) }
        #expect(table.liveCount() == 0)
    }

    @Test("payloads are stored, replaced and read back by type")
    func payloads() throws {
        let table = HandleTable()
        let handle = try table.allocate("buffer", bytes: 16, payload: 7)
        #expect(try table.payload(of: handle, as: Int.self) == 7)
        #expect(try table.payload(of: handle, as: String.self) == nil)
        try table.setPayload("text", for: handle)
        #expect(try table.payload(of: handle, as: String.self) == "text")
        try table.setBytes(32, for: handle)
        #expect(table.info(handle)?.bytes == 32)
    }
}
