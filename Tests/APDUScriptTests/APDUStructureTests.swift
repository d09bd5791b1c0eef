@testable import APDUScriptSyntax
import APDUScript
import Testing

@Suite("Command APDU structure (ISO/IEC 7816-4 cases 1 to 4)")
struct APDUStructureTests {
    /// Bytes of the given length: a header, then `body`.
    func apdu(_ body: [UInt8]) -> [UInt8] {
        [0x00, 0xB0, 0x00, 0x00] + body
    }

    @Test("short cases")
    func short() {
        #expect(APDUStructure.of(apdu([])) == .success(.case1))
        #expect(APDUStructure.of(apdu([0x00])) == .success(.case2(extended: false)))
        #expect(APDUStructure.of(apdu([0x02, 0x3F, 0x00])) == .success(.case3(extended: false, dataLength: 2)))
        #expect(APDUStructure.of(apdu([0x02, 0x3F, 0x00, 0x00])) == .success(.case4(extended: false, dataLength: 2)))
        #expect(APDUStructure.of(apdu([0x02, 0x3F])) == .failure(.shortLengthMismatch(lc: 2, bodyLength: 1)))
        #expect(APDUStructure.of(apdu([0x02, 0x3F, 0x00, 0x00, 0x00])) == .failure(.shortLengthMismatch(lc: 2, bodyLength: 4)))
    }

    @Test("extended cases")
    func extended() {
        #expect(APDUStructure.of(apdu([0x00, 0x01, 0x00])) == .success(.case2(extended: true)))
        #expect(APDUStructure.of(apdu([0x00, 0x00, 0x00])) == .success(.case2(extended: true)))
        #expect(APDUStructure.of(apdu([0x00, 0x00, 0x01, 0xAA])) == .success(.case3(extended: true, dataLength: 1)))
        #expect(APDUStructure.of(apdu([0x00, 0x00, 0x01, 0xAA, 0x00, 0x00])) == .success(.case4(extended: true, dataLength: 1)))
        #expect(APDUStructure.of(apdu([0x00, 0x00])) == .failure(.extendedTooShort(6)))
        #expect(APDUStructure.of(apdu([0x00, 0x00, 0x00, 0xAA])) == .failure(.extendedZeroLc))
        #expect(APDUStructure.of(apdu([0x00, 0x00, 0x02, 0xAA])) == .failure(.extendedLengthMismatch(lc: 2, bodyLength: 1)))
        #expect(APDUStructure.of(apdu([0x00, 0x00, 0x02, 0xAA, 0xBB, 0x00])) == .failure(.extendedLengthMismatch(lc: 2, bodyLength: 3)))
    }

    @Test("length limits")
    func limits() {
        #expect(APDUStructure.of([0x00, 0xB0, 0x00]) == .failure(.tooShort(3)))
        #expect(APDUStructure.of([]) == .failure(.tooShort(0)))
        let largest = apdu([0x00, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 65_535) + [0x00, 0x00])
        #expect(largest.count == APDUStructure.maximumLength)
        #expect(APDUStructure.of(largest) == .success(.case4(extended: true, dataLength: 65_535)))
        #expect(APDUStructure.of(largest + [0x00]) == .failure(.tooLong(65_545)))
    }
}
