@testable import PCSC
import Testing

@Suite("Connecting with a share mode, protocols and a reset")
struct ConnectionRequestTests {
    @Test("without a reset: one SCardConnect with the share mode and protocols")
    func plain() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        let card = try context.connect(reader: "Reader 0", request: ConnectionRequest(share: .exclusive, protocols: .t1))
        #expect(try card.activeProtocol() == .t1)
        #expect(fake.functions.dropFirst() == [.connect])
        try context.release()
    }

    @Test("a reset is an SCardReconnect right after connecting, with the same share mode and protocols")
    func reset() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        _ = try context.connect(reader: "Reader 0", request: ConnectionRequest(protocols: .t1, initialization: .unpower))
        #expect(fake.functions.dropFirst() == [.connect, .reconnect])
        try context.release()
    }

    @Test("a protocol mismatch with a reset asked for connects directly and resets")
    func mismatchThenReset() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        fake.fail(.connect, with: PCSCError.protocolMismatch.rawValue)
        let card = try context.connect(reader: "Reader 0", request: ConnectionRequest(initialization: .reset))
        #expect(fake.functions.dropFirst() == [.connect, .connect, .reconnect])
        #expect(try card.activeProtocol() == .t1)
        try context.release()
    }

    @Test("a protocol mismatch without a reset is thrown; a failed reset disconnects")
    func failures() throws {
        let (manager, fake) = scripted()
        let context = try manager.establishContext()
        fake.fail(.connect, with: PCSCError.protocolMismatch.rawValue)
        #expect(throws: PCSCError.protocolMismatch) { try context.connect(reader: "Reader 0", request: ConnectionRequest()) }
        fake.fail(.reconnect, with: PCSCError.removedCard.rawValue)
        #expect(throws: PCSCError.removedCard) {
            try context.connect(reader: "Reader 0", request: ConnectionRequest(initialization: .reset))
        }
        #expect(fake.liveCards == 0)
        #expect(context.protocolInUse(reader: "Reader 0") == .t1)
        #expect(context.protocolInUse(reader: "Nowhere") == nil)
        try context.release()
    }
}
