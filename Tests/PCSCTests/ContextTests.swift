import ContextCore
@testable import PCSC
import Testing

/// A manager over a fresh scripted library, with the library for checking the calls.
func scripted(_ readers: [(String, ScriptedCard?)] = [("Reader 0", ScriptedCard())]) -> (ResourceManager, ScriptedPCSC) {
    let fake = ScriptedPCSC(readers: readers)
    return (ResourceManager(system: fake), fake)
}

@Suite("Contexts, cards and buffers on the scripted library")
struct ContextTests {
    @Test("establish, list, connect, transmit, status and release make exactly their C calls and leave nothing live")
    func wholeLife() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        let list = try #require(try context.listReaders())
        #expect(list.names == ["Reader 0"])
        let card = try context.connect(reader: "Reader 0")
        #expect(try card.activeProtocol() == .t1)
        #expect(try card.transmit([0x00, 0x84, 0x00, 0x00, 0x08]) == [0x90, 0x00])
        let status = try card.status()
        #expect(status.reader == "Reader 0")
        #expect(status.activeProtocol == .t1)
        #expect(status.atr == ScriptedCard().atr)
        try context.validate()
        let report = try context.release()
        #expect(report.freed.map(\.info.kind) == [.card, .buffer, .pcscContext])
        #expect(report.freed.allSatisfy { $0.failure == nil })
        #expect(
            fake.functions == [
                .establishContext, .listReaders, .connect, .transmit, .status, .freeMemory, .isValidContext,
                .disconnect, .freeMemory, .releaseContext,
            ])
        #expect(manager.table.liveCount() == 0)
        #expect(fake.liveContexts == 0 && fake.liveCards == 0 && fake.liveMemory == 0)
    }

    @Test("release disconnects every card, then frees every buffer, then releases the context; the ledger shows the same order")
    func cascadeOrder() throws {
        let (manager, fake) = scripted([("Reader 0", ScriptedCard()), ("Reader 1", ScriptedCard())])
        let context = try manager.establishContext()
        let first = try context.connect(reader: "Reader 0")
        _ = try context.listReaders()
        let second = try context.connect(reader: "Reader 1")
        _ = try context.listReaderGroups()
        let before = fake.calls.count
        let report = try context.release(disposition: .reset)
        let released = fake.calls.dropFirst(before)
        #expect(released.map(\.function) == [.disconnect, .disconnect, .freeMemory, .freeMemory, .releaseContext])
        #expect(Set(released.prefix(2).map(\.handle)).count == 2)
        #expect(released.prefix(2).allSatisfy { $0.disposition == Disposition.reset.rawValue })
        #expect(report.freed.map(\.info.kind) == [.card, .card, .buffer, .buffer, .pcscContext])
        #expect(report.cards.count == 2 && report.buffers.count == 2 && report.contextFailure == nil)
        let frees = manager.table.ledger.events.filter { $0.action == .free }
        #expect(frees.map(\.kind) == [.card, .card, .buffer, .buffer, .pcscContext])
        #expect(frees.map(\.name) == report.freed.map(\.info.name))
        #expect(manager.table.ledger.live.values.allSatisfy { $0 == 0 })
        #expect(!first.isLive && !second.isLive && !context.isLive)
        #expect(fake.liveContexts == 0 && fake.liveCards == 0 && fake.liveMemory == 0)
    }

    @Test("every value kept after release is stale: each use throws invalidHandle without a C call and is recorded")
    func staleAfterRelease() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        let card = try context.connect(reader: "Reader 0")
        let list = try #require(try context.listReaders())
        try context.release()
        let calls = fake.calls.count
        let stale = manager.table.ledger.totals[.staleUse] ?? 0
        #expect(throws: PCSCError.invalidHandle) { try context.validate() }
        #expect(throws: PCSCError.invalidHandle) { try context.listReaders() }
        #expect(throws: PCSCError.invalidHandle) { try context.connect(reader: "Reader 0") }
        #expect(throws: PCSCError.invalidHandle) { try context.cancel() }
        #expect(throws: PCSCError.invalidHandle) { try card.transmit([0x00, 0x84, 0x00, 0x00, 0x08]) }
        #expect(throws: PCSCError.invalidHandle) { try card.transmit(CommandAPDU(hex: "00 84 00 00 08")) }
        #expect(throws: PCSCError.invalidHandle) { try card.status() }
        #expect(throws: PCSCError.invalidHandle) { try card.beginTransaction() }
        #expect(throws: PCSCError.invalidHandle) { try card.disconnect() }
        #expect(throws: PCSCError.invalidHandle) { try list.buffer.free() }
        #expect(fake.calls.count == calls)
        #expect((manager.table.ledger.totals[.staleUse] ?? 0) > stale)
    }

    @Test("a second release throws invalidHandle and calls nothing")
    func doubleRelease() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        _ = try context.connect(reader: "Reader 0")
        try context.release()
        let calls = fake.calls.count
        #expect(throws: PCSCError.invalidHandle) { try context.release() }
        #expect(fake.calls.count == calls)
        #expect(fake.functions.filter { $0 == .releaseContext }.count == 1)
        #expect(fake.functions.filter { $0 == .disconnect }.count == 1)
    }

    @Test("a disconnect failing half way: release goes on, reports it, and ends with nothing live", arguments: [0, 1])
    func disconnectFailsHalfWay(skipping: Int) throws {
        let (manager, fake) = scripted([("Reader 0", ScriptedCard()), ("Reader 1", ScriptedCard())])
        let context = try manager.establishContext()
        _ = try context.connect(reader: "Reader 0")
        _ = try context.connect(reader: "Reader 1")
        _ = try context.listReaders()
        fake.fail(.disconnect, with: PCSCError.removedCard.rawValue, skipping: skipping)
        let report = try context.release()
        #expect(report.freed.map(\.info.kind) == [.card, .card, .buffer, .pcscContext])
        #expect(report.freed.map { $0.failure as? PCSCError } == [skipping == 0 ? .removedCard : nil, skipping == 1 ? .removedCard : nil, nil, nil])
        #expect(report.contextFailure == nil)
        #expect(fake.functions.suffix(4) == [.disconnect, .disconnect, .freeMemory, .releaseContext])
        #expect(manager.table.liveCount() == 0)
        #expect(fake.liveContexts == 0 && fake.liveCards == 0 && fake.liveMemory == 0)
    }

    @Test("a buffer free failing half way: release goes on, reports it, and ends with nothing live in the table")
    func freeMemoryFailsHalfWay() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        _ = try context.connect(reader: "Reader 0")
        _ = try context.listReaders()
        _ = try context.listReaders()
        _ = try context.listReaders()
        fake.fail(.freeMemory, with: PCSCError.invalidParameter.rawValue, skipping: 1)
        let report = try context.release()
        #expect(report.freed.map(\.info.kind) == [.card, .buffer, .buffer, .buffer, .pcscContext])
        #expect(report.buffers.map { $0.failure as? PCSCError } == [nil, .invalidParameter, nil])
        #expect(fake.functions.suffix(5) == [.disconnect, .freeMemory, .freeMemory, .freeMemory, .releaseContext])
        #expect(manager.table.liveCount() == 0)
        #expect(fake.liveContexts == 0 && fake.liveCards == 0)
        #expect(fake.liveMemory == 1)
    }

    @Test("a failed SCardReleaseContext is reported as the context's failure, and the context is gone from the table")
    func releaseContextFails() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        fake.fail(.releaseContext, with: PCSCError.noService.rawValue)
        let report = try context.release()
        #expect(report.contextFailure == .noService)
        #expect(manager.table.liveCount() == 0)
        #expect(throws: PCSCError.invalidHandle) { try context.validate() }
    }

    @Test("a manager dropped with a live context releases it")
    func managerDeinit() throws {
        let fake = ScriptedPCSC()
        do {
            let manager = ResourceManager(system: fake)
            let context = try manager.establishContext()
            _ = try context.connect(reader: "Reader 0")
            _ = try context.listReaders()
        }
        #expect(fake.liveContexts == 0 && fake.liveCards == 0 && fake.liveMemory == 0)
    }

    @Test("no readers is an empty list, not an error")
    func noReaders() throws {
        let (manager, fake) = scripted([])
        let context = try manager.establishContext()
        #expect(try context.listReaders() == nil)
        #expect(try context.readerNames() == [])
        try context.release()
        #expect(fake.liveMemory == 0)
    }

    @Test("readerNames frees its buffer at once; an unknown reader and an empty one are their codes")
    func readersAndConnectErrors() throws {
        let (manager, fake) = scripted([("Reader 0", ScriptedCard()), ("Empty", nil)])
        let context = try manager.establishContext()
        #expect(try context.readerNames() == ["Reader 0", "Empty"])
        #expect(fake.liveMemory == 0 && manager.table.liveCount(of: .buffer) == 0)
        #expect(throws: PCSCError.unknownReader) { try context.connect(reader: "Nope") }
        #expect(throws: PCSCError.noSmartcard) { try context.connect(reader: "Empty") }
        #expect(manager.table.liveCount(of: .card) == 0)
        try context.release()
    }

    @Test("getStatusChange reports each reader's state and ATR through the seam")
    func statusChange() throws {
        let (manager, _) = scripted([("Reader 0", ScriptedCard()), ("Empty", nil)])
        try manager.withContext { context in
            var states = [ReaderStatus(reader: "Reader 0"), ReaderStatus(reader: "Empty")]
            try context.getStatusChange(&states, timeout: 0)
            #expect(states[0].eventState.contains(.present) && states[0].eventState.contains(.changed))
            #expect(states[0].atr == ScriptedCard().atr)
            #expect(states[1].eventState.contains(.empty) && states[1].atr.isEmpty)
        }
    }
}
