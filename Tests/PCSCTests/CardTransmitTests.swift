@testable import PCSC
import Synchronization
import Testing

/// A T=0 card: GET DATA (`CA`) answers `61xx` and hands its data out over GET RESPONSE; READ
/// BINARY (`B0`) with the wrong Le answers `6Cxx` with the right one.
final class T0Card: Sendable {
    let data: [UInt8]
    private let pending = Mutex<[UInt8]>([])

    init(data: [UInt8]) { self.data = data }

    /// The card as a scripted reader's card.
    var scripted: ScriptedCard { ScriptedCard(protocols: 1, respond: { [self] in respond($0) }) }

    func respond(_ command: [UInt8]) -> [UInt8] {
        pending.withLock { pending in
            switch command[1] {
            case 0xCA:
                pending = data
                return [0x61, UInt8(truncatingIfNeeded: min(pending.count, 256))]
            case 0xC0:
                let le = command[4] == 0 ? 256 : Int(command[4])
                let chunk = Array(pending.prefix(le))
                pending.removeFirst(chunk.count)
                return chunk + (pending.isEmpty ? [0x90, 0x00] : [0x61, UInt8(truncatingIfNeeded: min(pending.count, 256))])
            case 0xB0:
                let le = command[4] == 0 ? 256 : Int(command[4])
                guard le == data.count else { return [0x6C, UInt8(truncatingIfNeeded: data.count)] }
                return data + [0x90, 0x00]
            default:
                return [0x6D, 0x00]
            }
        }
    }
}

@Suite("T=0 exchanges on a scripted card: 61xx, 6Cxx, the switches and the own transaction")
struct CardTransmitTests {
    static let data = (0..<600).map { UInt8(truncatingIfNeeded: $0) }

    /// A manager, a T=0 card connected through it, and the fake.
    func connected(_ card: T0Card) throws -> (Card, Context, ScriptedPCSC) {
        let (manager, fake) = scripted([("T0", card.scripted)])
        let context = try manager.establishContext()
        return (try context.connect(reader: "T0", protocols: .t0), context, fake)
    }

    @Test("61xx: GET RESPONSE chains gather every byte, with the command's logical channel in the class byte")
    func getResponseChain() throws {
        let (card, context, fake) = try connected(T0Card(data: Self.data))
        let exchange = try card.transmit(try CommandAPDU(hex: "81 CA 00 6E 00"))
        #expect(Array(exchange.response.data) == Self.data)
        #expect(exchange.response.statusWord == .success)
        #expect(exchange.wire.map(\.command) == [
            [0x81, 0xCA, 0x00, 0x6E, 0x00], [0x01, 0xC0, 0, 0, 0x00], [0x01, 0xC0, 0, 0, 0x00], [0x01, 0xC0, 0, 0, 0x58],
        ])
        #expect(exchange.wire.map(\.response.count) == [2, 258, 258, 90])
        #expect(fake.functions.suffix(6) == [.beginTransaction, .transmit, .transmit, .transmit, .transmit, .endTransaction])
        try context.release()
    }

    @Test("6Cxx: the command is sent again with Le = xx, once")
    func wrongLength() throws {
        let (card, context, fake) = try connected(T0Card(data: Array(Self.data.prefix(20))))
        let exchange = try card.transmit(try CommandAPDU(hex: "00 B0 00 00 00"))
        #expect(Array(exchange.response.data) == Array(Self.data.prefix(20)))
        #expect(exchange.wire.map(\.command) == [[0x00, 0xB0, 0, 0, 0x00], [0x00, 0xB0, 0, 0, 0x14]])
        #expect(fake.functions.suffix(4) == [.beginTransaction, .transmit, .transmit, .endTransaction])
        try context.release()
    }

    @Test("with getResponse off the 61xx comes back as it is; with fixLe off, the 6Cxx")
    func switchesOff() throws {
        let (card, context, _) = try connected(T0Card(data: Self.data))
        let raw = try card.transmit(try CommandAPDU(hex: "00 CA 00 6E 00"), options: TransmitOptions(getResponse: false))
        #expect(raw.response.bytes == [0x61, 0x00])
        #expect(raw.wire.count == 1)
        let wrong = try card.transmit(try CommandAPDU(hex: "00 B0 00 00 00"), options: TransmitOptions(fixLe: false))
        #expect(wrong.response.bytes == [0x6C, 0x58])
        #expect(wrong.wire.count == 1)
        try context.release()
    }

    @Test("an exchange that may chain is wrapped in its own transaction; none when off or when nothing can chain")
    func ownTransactionRule() throws {
        let (card, context, fake) = try connected(T0Card(data: [1, 2, 3]))
        let command = try CommandAPDU(hex: "00 CA 00 6E 00")
        var before = fake.calls.count
        func made() -> [PCSCFunction] {
            defer { before = fake.calls.count }
            return Array(fake.functions.dropFirst(before))
        }
        _ = try card.transmit(command)
        #expect(made() == [.beginTransaction, .transmit, .transmit, .endTransaction])
        _ = try card.transmit(command, options: TransmitOptions(ownTransaction: false))
        #expect(made() == [.transmit, .transmit])
        _ = try card.transmit(command, options: TransmitOptions(getResponse: false, fixLe: false))
        #expect(made() == [.transmit])
        try card.withTransaction {
            _ = try card.transmit(command, options: TransmitOptions(ownTransaction: false))
        }
        #expect(made() == [.beginTransaction, .transmit, .transmit, .endTransaction])
        #expect(fake.transactions.isEmpty)
        #expect(fake.calls.filter { $0.function == .endTransaction }.allSatisfy { $0.disposition == Disposition.leave.rawValue })
        try context.release()
    }

    @Test("a failed SCardEndTransaction is thrown even though the answer arrived")
    func failedEnd() throws {
        let (card, context, fake) = try connected(T0Card(data: [1, 2, 3]))
        fake.fail(.endTransaction, with: PCSCError.resetCard.rawValue)
        #expect(throws: PCSCError.resetCard) { try card.transmit(try CommandAPDU(hex: "00 CA 00 6E 00")) }
        #expect(fake.functions.suffix(4) == [.beginTransaction, .transmit, .transmit, .endTransaction])
        try context.release()
    }

    @Test("a failed exchange is thrown in preference to a failed end, and the transaction is still ended")
    func failedExchangeAndEnd() throws {
        let (card, context, fake) = try connected(T0Card(data: [1, 2, 3]))
        fake.fail(.transmit, with: PCSCError.removedCard.rawValue, skipping: 1)
        fake.fail(.endTransaction, with: PCSCError.resetCard.rawValue)
        #expect(throws: PCSCError.removedCard) { try card.transmit(try CommandAPDU(hex: "00 CA 00 6E 00")) }
        #expect(fake.functions.suffix(4) == [.beginTransaction, .transmit, .transmit, .endTransaction])
        try context.release()
    }

    @Test("a failed SCardBeginTransaction is thrown and nothing is sent")
    func failedBegin() throws {
        let (card, context, fake) = try connected(T0Card(data: [1, 2, 3]))
        fake.fail(.beginTransaction, with: PCSCError.sharingViolation.rawValue)
        #expect(throws: PCSCError.sharingViolation) { try card.transmit(try CommandAPDU(hex: "00 CA 00 6E 00")) }
        #expect(fake.functions.last == .beginTransaction)
        try context.release()
    }

    @Test("a card that answers 61xx forever is asked 256 times, then its last answer is returned")
    func endlessChain() throws {
        let endless = ScriptedCard(protocols: 1, respond: { _ in [0xAA, 0x61, 0x01] })
        let (manager, _) = scripted([("T0", endless)])
        try manager.withContext { context in
            try context.withCard(reader: "T0") { card in
                let exchange = try card.transmit(try CommandAPDU(hex: "00 CA 00 6E 00"))
                #expect(exchange.wire.count == 257)
                #expect(exchange.response.statusWord == StatusWord(sw1: 0x61, sw2: 0x01))
                #expect(exchange.response.data.count == 257)
            }
        }
    }
}
