import PCSC
import Testing

@Suite("The default reader")
struct DefaultReaderTests {
    let readers = ["Virtual PCD 00 00", "Virtual PCD 00 01", "Yubico YubiKey 01 00"]

    @Test("without a name, the first reader holding a card")
    func firstWithCard() throws {
        #expect(try ReaderSelection.choose(nil, from: readers, holdingCard: [readers[2], readers[1]]) == readers[1])
        #expect(ReaderSelection.defaultReader(among: readers, holdingCard: [readers[2]]) == readers[2])
    }

    @Test("without a card anywhere, the first reader")
    func firstReader() throws {
        #expect(try ReaderSelection.choose(nil, from: readers, holdingCard: []) == readers[0])
        #expect(ReaderSelection.defaultReader(among: readers, holdingCard: ["not listed"]) == readers[0])
        #expect(ReaderSelection.defaultReader(among: [], holdingCard: []) == nil)
    }

    @Test("a name given wins over the cards; no readers is still an error")
    func namedReader() throws {
        #expect(try ReaderSelection.choose("0", from: readers, holdingCard: [readers[1]]) == readers[0])
        #expect(throws: ReaderSelectionError.noReaders) { try ReaderSelection.choose(nil, from: [], holdingCard: []) }
        #expect(throws: ReaderSelectionError.emptyName) { try ReaderSelection.choose(" ", from: readers, holdingCard: readers) }
    }
}
