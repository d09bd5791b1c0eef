import ContextCore
@testable import PCSC
import Testing

@Suite("Card connections and the owning helpers on the scripted library")
struct CardTests {
    @Test("reconnect, control, attributes and disconnect make their C calls; a disconnected card is stale")
    func cardCalls() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        let card = try context.connect(reader: "Reader 0", protocols: .t1)
        #expect(try card.reconnect(initialization: .reset) == .t1)
        #expect(try card.control(code: 0x42_000C_00, data: [1, 2, 3]) == [1, 2, 3])
        try card.setAttribute(0x0009_0303, value: [0xAB, 0xCD])
        #expect(try card.attribute(0x0009_0303) == [0xAB, 0xCD])
        #expect(fake.liveMemory == 0 && manager.table.liveCount(of: .buffer) == 0)
        #expect(throws: PCSCError.unsupportedFeature) { try card.attribute(0x0001_0100) }
        try card.disconnect(.unpower)
        #expect(!card.isLive && fake.liveCards == 0)
        #expect(throws: PCSCError.invalidHandle) { try card.disconnect() }
        #expect(
            fake.functions.dropFirst(2) == [
                .reconnect, .control, .setAttribute, .getAttribute, .freeMemory, .getAttribute, .disconnect,
            ])
        try context.release()
        #expect(fake.functions.last == .releaseContext && fake.functions.filter { $0 == .disconnect }.count == 1)
    }

    @Test("a failed disconnect is thrown and the connection is still gone")
    func failedDisconnect() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        let card = try context.connect(reader: "Reader 0")
        fake.fail(.disconnect, with: PCSCError.removedCard.rawValue)
        #expect(throws: PCSCError.removedCard) { try card.disconnect() }
        #expect(!card.isLive && manager.table.liveCount(of: .card) == 0)
        try context.release()
    }

    @Test("withTransaction begins and ends once; a failed end is thrown after a successful body")
    func withTransaction() throws {
        let (manager, fake) = scripted()
        try manager.withContext { context in
            let card = try context.connect(reader: "Reader 0")
            #expect(try card.withTransaction { 7 } == 7)
            fake.fail(.endTransaction, with: PCSCError.resetCard.rawValue)
            #expect(throws: PCSCError.resetCard) { try card.withTransaction { 8 } }
        }
        #expect(fake.functions.filter { $0 == .beginTransaction }.count == 2)
        #expect(fake.functions.filter { $0 == .endTransaction }.count == 2)
    }

    @Test("withContext releases what was made under it when the body returns and when it throws")
    func withContextReleases() throws {
        struct Stop: Error {}
        let (manager, fake) = scripted()
        let names = try manager.withContext { context in
            _ = try context.connect(reader: "Reader 0")
            return try #require(try context.listReaders()).names
        }
        #expect(names == ["Reader 0"])
        #expect(manager.table.liveCount() == 0 && fake.liveContexts == 0 && fake.liveCards == 0 && fake.liveMemory == 0)
        #expect(throws: Stop.self) {
            try manager.withContext { context in
                _ = try context.connect(reader: "Reader 0")
                throw Stop()
            }
        }
        #expect(manager.table.liveCount() == 0 && fake.liveContexts == 0 && fake.liveCards == 0)
        #expect(fake.functions.filter { $0 == .releaseContext }.count == 2)
    }

    @Test("withContext leaves a context the body released alone, and throws a failed release after success")
    func withContextEdges() throws {
        let (manager, fake) = scripted()
        try manager.withContext { context in try context.release() }
        #expect(fake.functions.filter { $0 == .releaseContext }.count == 1)
        fake.fail(.releaseContext, with: PCSCError.noService.rawValue)
        #expect(throws: PCSCError.noService) { try manager.withContext { _ in } }
        #expect(manager.table.liveCount() == 0)
    }

    @Test("withCard disconnects with its disposition when the body returns and when it throws")
    func withCardDisconnects() throws {
        struct Stop: Error {}
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        let answer = try context.withCard(reader: "Reader 0", disposition: .reset) { card in
            try card.transmit([0x00, 0x84, 0x00, 0x00, 0x08])
        }
        #expect(answer == [0x90, 0x00])
        #expect(fake.calls.last?.function == .disconnect && fake.calls.last?.disposition == Disposition.reset.rawValue)
        #expect(fake.liveCards == 0 && manager.table.liveCount(of: .card) == 0)
        #expect(throws: Stop.self) { try context.withCard(reader: "Reader 0") { _ in throw Stop() } }
        #expect(fake.liveCards == 0 && manager.table.liveCount(of: .card) == 0)
        try context.withCard(reader: "Reader 0") { card in try card.disconnect() }
        fake.fail(.disconnect, with: PCSCError.removedCard.rawValue)
        #expect(throws: PCSCError.removedCard) { try context.withCard(reader: "Reader 0") { _ in } }
        #expect(fake.functions.filter { $0 == .disconnect }.count == 4)
        try context.release()
        #expect(fake.liveContexts == 0)
    }
}
