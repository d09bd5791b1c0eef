import ISO7816
import Testing

@Suite("Command APDUs: cases 1-4, short and extended, and every malformed form")
struct CommandAPDUTests {
    @Test("case 1: header only")
    func case1() throws {
        let apdu = try CommandAPDU(hex: "00 A4 04 00")
        #expect(apdu.apduCase == .one)
        #expect(apdu.data.isEmpty)
        #expect(apdu.expectedLength == nil)
        #expect(!apdu.isExtended)
    }

    @Test("case 2 short: Le, and Le 00 means 256")
    func case2Short() throws {
        #expect(try CommandAPDU(hex: "0084000008").expectedLength == 8)
        let all = try CommandAPDU(hex: "00B0000000")
        #expect(all.apduCase == .two)
        #expect(all.expectedLength == 256)
    }

    @Test("case 3 short: Lc and data")
    func case3Short() throws {
        let apdu = try CommandAPDU(hex: "00a4000c023f00")
        #expect(apdu.apduCase == .three)
        #expect(Array(apdu.data) == [0x3F, 0x00])
        #expect(apdu.description == "00 A4 00 0C 02 3F 00")
    }

    @Test("case 4 short: Lc, data and Le")
    func case4Short() throws {
        let apdu = try CommandAPDU(hex: "00 A4 04 00 07 A0 00 00 00 03 10 10 00")
        #expect(apdu.apduCase == .four)
        #expect(apdu.data.count == 7)
        #expect(apdu.expectedLength == 256)
    }

    @Test("case 2 extended: 00 then two Le bytes; 0000 means 65,536")
    func case2Extended() throws {
        let apdu = try CommandAPDU(hex: "00B00000000100")
        #expect(apdu.apduCase == .two)
        #expect(apdu.isExtended)
        #expect(apdu.expectedLength == 256)
        #expect(try CommandAPDU(hex: "00B00000000000").expectedLength == 65_536)
    }

    @Test("case 3 and 4 extended, up to the 65,544-byte maximum")
    func extendedData() throws {
        let data = [UInt8](repeating: 0xAB, count: 300)
        let case3 = try CommandAPDU(bytes: [0x00, 0xD6, 0x00, 0x00, 0x00, 0x01, 0x2C] + data)
        #expect(case3.apduCase == .three)
        #expect(case3.isExtended)
        #expect(case3.data.count == 300)
        let case4 = try CommandAPDU(bytes: [0x00, 0xD6, 0x00, 0x00, 0x00, 0x01, 0x2C] + data + [0x00, 0x10])
        #expect(case4.apduCase == .four)
        #expect(case4.expectedLength == 16)
        let biggest = try CommandAPDU(bytes: [0, 0xD6, 0, 0, 0, 0xFF, 0xFF] + [UInt8](repeating: 1, count: 65_535) + [0, 0])
        #expect(biggest.bytes.count == CommandAPDU.maximumLength)
        #expect(biggest.expectedLength == 65_536)
    }

    @Test("hex may have blanks, colons and either case")
    func hexForms() throws {
        #expect(try Hex.bytes("00:a4 04-00") == [0x00, 0xA4, 0x04, 0x00])
        #expect(try Hex.bytes("") == [])
        #expect(Hex.string([0x90, 0x00]) == "90 00")
        #expect(Hex.string([0xAB, 0x01], separator: "") == "AB01")
    }

    @Test("malformed input is refused with a precise error", arguments: [
        ("", APDUError.empty),
        ("   ", .empty),
        ("00A", .oddLength(digits: 3)),
        ("00 A4 0x", .notHex(character: "x", column: 8)),
        ("00A4", .empty),
    ])
    func malformedHex(_ text: String, _ expected: APDUError) {
        if text == "00A4" {
            #expect(throws: APDUError.tooShort(bytes: 2)) { try CommandAPDU(hex: text) }
        } else {
            #expect(throws: expected) { try CommandAPDU(hex: text) }
        }
    }

    @Test("malformed structures are refused", arguments: [
        ([0x00, 0xA4, 0x00], APDUError.tooShort(bytes: 3)),
        ([0x00, 0xA4, 0x00, 0x0C, 0x03, 0x3F, 0x00], .lengthMismatch(lc: 3, dataBytes: 2)),
        ([0x00, 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00, 0x00, 0x00], .lengthMismatch(lc: 2, dataBytes: 4)),
        ([0x00, 0xA4, 0x00, 0x0C, 0x00, 0x01], .malformedLength("00 after the header starts an extended length, which needs two more bytes")),
        ([0x00, 0xA4, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x01], .malformedLength("extended Lc of 0000 is not allowed")),
        ([0x00, 0xA4, 0x00, 0x0C, 0x00, 0x00, 0x05, 0x01], .lengthMismatch(lc: 5, dataBytes: 1)),
    ] as [([UInt8], APDUError)])
    func malformedStructure(_ bytes: [UInt8], _ expected: APDUError) {
        #expect(throws: expected) { try CommandAPDU(bytes: bytes) }
    }

    @Test("an APDU over 65,544 bytes is refused")
    func tooLong() {
        let bytes = [UInt8](repeating: 0, count: 65_545)
        #expect(throws: APDUError.tooLong(bytes: 65_545)) { try CommandAPDU(bytes: bytes) }
        #expect(throws: APDUError.empty) { try CommandAPDU(bytes: []) }
    }

    @Test("building from fields picks the short or extended form")
    func building() throws {
        #expect(try CommandAPDU(cla: 0, ins: 0x84, p1: 0, p2: 0, expectedLength: 8).bytes == [0, 0x84, 0, 0, 8])
        #expect(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, expectedLength: 256).bytes == [0, 0xB0, 0, 0, 0])
        #expect(try CommandAPDU(cla: 0, ins: 0xB0, p1: 0, p2: 0, expectedLength: 65_536).bytes == [0, 0xB0, 0, 0, 0, 0, 0])
        let resend = try CommandAPDU(hex: "00B0000000").withExpectedLength(0x10)
        #expect(resend.bytes == [0, 0xB0, 0, 0, 0x10])
        #expect(throws: APDUError.self) { try CommandAPDU(cla: 0, ins: 0, p1: 0, p2: 0, expectedLength: 0) }
        #expect(throws: APDUError.self) {
            try CommandAPDU(cla: 0, ins: 0, p1: 0, p2: 0, data: [UInt8](repeating: 0, count: 65_536))
        }
    }

    @Test("errors read as one line")
    func messages() {
        #expect(APDUError.oddLength(digits: 3).description == "odd number of hex digits (3): every byte needs two")
        #expect(APDUError.tooLong(bytes: 70_000).description.contains("65,544"))
    }
}
