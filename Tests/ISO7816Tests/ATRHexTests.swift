import ISO7816
import Testing

@Suite("ATR hex parsing")
struct ATRHexTests {
    @Test("spaces, colons, no separators and any case give the same bytes")
    func separators() throws {
        let expected: [UInt8] = [0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x00, 0x0B]
        #expect(try ATR.parseHex("3B 95 13 81 01 80 73 FF 01 00 0B") == expected)
        #expect(try ATR.parseHex("3b:95:13:81:01:80:73:ff:01:00:0b") == expected)
        #expect(try ATR.parseHex("3B951381018073FF01000B") == expected)
        #expect(try ATR.parseHex("  3B9513 8101\t8073FF 01000b\n") == expected)
    }

    @Test("no digits, an odd group and a non-hex character are one-line errors")
    func errors() {
        #expect(throws: ATRHexError.empty) { try ATR.parseHex("") }
        #expect(throws: ATRHexError.empty) { try ATR.parseHex(" : ") }
        #expect(throws: ATRHexError.oddDigitCount(group: "951", position: 4)) { try ATR.parseHex("3B 951") }
        #expect(throws: ATRHexError.invalidCharacter("G", position: 5)) { try ATR.parseHex("3B 9G") }
        #expect(throws: ATRHexError.invalidCharacter("x", position: 2)) { try ATR.parseHex("0x3B") }
        #expect(ATRHexError.oddDigitCount(group: "951", position: 4).description
            == "odd number of hex digits in '951' at position 4: each byte needs two digits")
        #expect(ATRHexError.invalidCharacter("G", position: 5).description == "'G' at position 5 is not a hex digit")
    }

    @Test("full-width digits are not hex")
    func fullWidth() {
        #expect(throws: ATRHexError.invalidCharacter("３", position: 1)) { try ATR.parseHex("３B") }
    }

    @Test("ATRHex spells bytes upper case and shows printable ASCII")
    func spelling() {
        #expect(ATRHex.string([0x3B, 0x0A, 0xFF]) == "3B 0A FF")
        #expect(ATRHex.ascii([0x4A, 0x00, 0x7E, 0x7F]) == "J.~.")
    }
}
