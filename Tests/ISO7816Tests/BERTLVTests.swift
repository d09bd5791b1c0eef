import ISO7816
import Testing

/// BER-TLV decoding with FCI and EMV samples as cards return them.
@Suite struct BERTLVTests {
    /// SELECT of the payment system environment (1PAY.SYS.DDF01), contact EMV.
    let pse = "6F 1E 84 0E 31 50 41 59 2E 53 59 53 2E 44 44 46 30 31 A5 0C 88 01 01 5F 2D 02 65 6E 9F 11 01 01"
    /// SELECT of the proximity payment system environment (2PAY.SYS.DDF01) on a Mastercard.
    let ppse = "6F2F840E325041592E5359532E4444463031A51DBF0C1A61184F07A0000000041010500A4D415354455243415244870101"
    /// SELECT of a Visa credit application: FCI with a PDOL.
    let visa = "6F2F8407A0000000031010A524500B56495341204352454449548701019F380C9F66049F02069F37045F2A025F2D02656E"
    /// READ RECORD: track 2 equivalent data, cardholder name, track 1 discretionary data.
    let record = "703A57134761739001010010D22122011143804400000F5F200F43415244484F4C4445522F564953419F1F1031313433383030343430303030303030"

    func decode(_ hex: String) throws -> [BERTLVObject] {
        try BERTLV.decode(try Hex.bytes(hex))
    }

    @Test func paymentSystemEnvironment() throws {
        let objects = try decode(pse)
        #expect(objects.count == 1)
        let fci = objects[0]
        #expect(fci.tag.hex == "6F" && fci.tag.isConstructed && fci.tag.tagClass == .application)
        #expect(fci.children.map(\.tag.hex) == ["84", "A5"])
        #expect(fci.children[0].printableText == "1PAY.SYS.DDF01")
        #expect(fci.children[1].children.map(\.tag.hex) == ["88", "5F2D", "9F11"])
        #expect(fci.children[1].children[1].printableText == "en")
        #expect(fci.children[1].children[2].offset == 28)
        #expect(fci.children[1].children[2].valueOffset == 31)
        #expect(fci.name(inside: nil) == "file control information (FCI) template")
        #expect(fci.children[0].name(inside: fci.tag) == "DF name")
        #expect(fci.children[1].children[0].name(inside: BERTag([0xA5])) == "short file identifier (SFI)")
    }

    @Test func proximityPaymentSystemEnvironment() throws {
        let fci = try #require(try decode(ppse).first)
        let entry = try #require(fci.first(BERTag([0x61])))
        #expect(entry.children.map(\.tag.hex) == ["4F", "50", "87"])
        #expect(entry.children[0].value == [0xA0, 0x00, 0x00, 0x00, 0x04, 0x10, 0x10])
        #expect(entry.children[1].printableText == "MASTERCARD")
        #expect(BERTagNames.name(of: BERTag([0xBF, 0x0C]), inside: BERTag([0xA5])) == "FCI issuer discretionary data")
    }

    @Test func applicationWithPDOL() throws {
        let fci = try #require(try decode(visa).first)
        let pdol = try #require(fci.first(BERTag([0x9F, 0x38])))
        #expect(pdol.value.count == 12 && !pdol.tag.isConstructed)
        #expect(pdol.name(inside: BERTag([0xA5])) == "processing options data object list (PDOL)")
    }

    @Test func readRecord() throws {
        let template = try #require(try decode(record).first)
        #expect(template.children.map(\.tag.hex) == ["57", "5F20", "9F1F"])
        #expect(template.children[1].printableText == "CARDHOLDER/VISA")
    }

    @Test func fileControlParametersReadInTheirTemplate() throws {
        let fcp = try #require(try decode("62 0F 82 01 38 83 02 3F 00 8A 01 05 8C 03 03 FF 00").first)
        #expect(fcp.children.map { $0.name(inside: fcp.tag) } == [
            "file descriptor", "file identifier", "life cycle status", "security attributes (compact format)",
        ])
        #expect(BERTagNames.name(of: BERTag([0x82]), inside: nil) == "application interchange profile (AIP)")
    }

    @Test func responseFormatOne() throws {
        let objects = try decode("80 0E 5C 00 08 01 01 00 10 01 04 00 18 01 02 01")
        #expect(objects.count == 1 && objects[0].value.count == 14 && objects[0].children.isEmpty)
    }

    @Test func longFormLengths() throws {
        var bytes: [UInt8] = [0x70, 0x81, 0xCB, 0x90, 0x81, 0xC8]
        bytes += (0..<200).map { UInt8($0) }
        let template = try #require(try BERTLV.decode(bytes).first)
        #expect(template.value.count == 203 && template.children[0].value.count == 200)
        #expect(template.valueOffset == 3 && template.children[0].valueOffset == 6)
        let twoBytes = try BERTLV.decode([0x04, 0x82, 0x01, 0x00] + [UInt8](repeating: 0x41, count: 256))
        #expect(twoBytes[0].value.count == 256)
    }

    @Test func paddingBeforeBetweenAndAfter() throws {
        let decoded = try BERTLV.decodeWithPadding(Hex.bytes("00 5A 02 12 34 00 FF 5F 24 01 31 FF FF"))
        #expect(decoded.objects.map(\.tag.hex) == ["5A", "5F24"])
        #expect(decoded.paddingCount == 5)
        #expect(BERTLV.decodeIfTLV([0x00, 0x00]) == nil)
        #expect(BERTLV.decodeIfTLV([]) == nil)
    }

    @Test func indefiniteLengthIsRefused() {
        #expect(throws: BERTLVError.indefiniteLength(tag: BERTag([0x6F]), offset: 0)) {
            try BERTLV.decode([0x6F, 0x80, 0x84, 0x01, 0x00, 0x00, 0x00])
        }
        let error = BERTLVError.indefiniteLength(tag: BERTag([0x6F]), offset: 0)
        #expect(error.description.contains("indefinite length"))
    }

    @Test func brokenDataSaysWhere() throws {
        #expect(throws: BERTLVError.valueOverrun(tag: BERTag([0x84]), offset: 2, length: 5, available: 2)) {
            try BERTLV.decode([0x6F, 0x04, 0x84, 0x05, 0x01, 0x02])
        }
        #expect(throws: BERTLVError.truncatedTag(offset: 0)) { try BERTLV.decode([0x9F]) }
        #expect(throws: BERTLVError.truncatedTag(offset: 0)) { try BERTLV.decode([0x9F, 0x81]) }
        #expect(throws: BERTLVError.tagTooLong(offset: 0)) { try BERTLV.decode([0x5F, 0x81, 0x81, 0x81, 0x81, 0x01, 0x00]) }
        #expect(throws: BERTLVError.truncatedLength(tag: BERTag([0x5A]), offset: 0)) { try BERTLV.decode([0x5A]) }
        #expect(throws: BERTLVError.truncatedLength(tag: BERTag([0x5A]), offset: 0)) { try BERTLV.decode([0x5A, 0x82, 0x01]) }
        #expect(throws: BERTLVError.unsupportedLength(tag: BERTag([0x5A]), offset: 0, firstByte: 0x85)) {
            try BERTLV.decode([0x5A, 0x85, 0, 0, 0, 0, 1])
        }
        #expect(BERTLV.decodeIfTLV(Array("plain text".utf8)) == nil)
    }

    @Test func nestingIsBounded() {
        var nested: [UInt8] = []
        for _ in 0..<(BERTLV.maximumDepth + 2) {
            let length = nested.count
            nested = length < 128 ? [0x30, UInt8(length)] + nested : [0x30, 0x81, UInt8(length)] + nested
        }
        #expect(throws: BERTLVError.self) { try BERTLV.decode(nested) }
    }
}
