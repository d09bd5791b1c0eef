import PCSC
import Testing

@Suite("Reader selection")
struct ReaderSelectionTests {
    let readers = ["Virtual PCD 00 00", "Virtual PCD 00 01", "Yubico YubiKey OTP+FIDO+CCID 01 00"]

    @Test("by index, exact name, or unique case-insensitive part")
    func choices() throws {
        #expect(try ReaderSelection.choose("1", from: readers) == readers[1])
        #expect(try ReaderSelection.choose("Virtual PCD 00 00", from: readers) == readers[0])
        #expect(try ReaderSelection.choose("yubikey", from: readers) == readers[2])
        #expect(try ReaderSelection.choose(nil, from: readers) == readers[0])
    }

    @Test("unknown, ambiguous, out of range and no readers are errors listing the readers")
    func errors() {
        #expect(throws: ReaderSelectionError.ambiguous("virtual", matches: [readers[0], readers[1]])) {
            try ReaderSelection.choose("virtual", from: readers)
        }
        #expect(throws: ReaderSelectionError.unknown("gemalto", readers: readers)) {
            try ReaderSelection.choose("gemalto", from: readers)
        }
        #expect(throws: ReaderSelectionError.unknown("3", readers: readers)) {
            try ReaderSelection.choose("3", from: readers)
        }
        #expect(throws: ReaderSelectionError.noReaders) { try ReaderSelection.choose("0", from: []) }
        #expect(throws: ReaderSelectionError.emptyName) { try ReaderSelection.choose("", from: readers) }
        #expect(throws: ReaderSelectionError.emptyName) { try ReaderSelection.choose(" \t", from: readers) }
        #expect(throws: ReaderSelectionError.emptyName) { try ReaderSelection.validate("") }
        #expect(throws: Never.self) { try ReaderSelection.validate(nil) }
        #expect(ReaderSelectionError.unknown("x", readers: ["a", "b"]).description == "no reader matches 'x'; readers: 0: a; 1: b")
    }
}
