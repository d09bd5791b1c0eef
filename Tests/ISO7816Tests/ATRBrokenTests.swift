import ISO7816
import Testing

@Suite("ATR problems are explained, not crashed on")
struct ATRBrokenTests {
    @Test("empty and one-byte ATRs are too short")
    func tooShort() throws {
        #expect(ATR(decoding: []).problems == [.tooShort(length: 0)])
        #expect(ATR(decoding: [0x3B]).problems == [.tooShort(length: 1)])
        #expect(ATR(decoding: [0x3B]).convention == .direct)
        #expect(throws: ATRError.tooShort(length: 1)) { try ATR(bytes: [0x3B]) }
        #expect(ATRError.tooShort(length: 1).description.contains("at least 2 bytes"))
    }

    @Test("a TS other than 3B or 3F is reported, and the rest is still decoded")
    func invalidTS() throws {
        let atr = try decode("3C 02 14 50")
        #expect(atr.problems == [.invalidInitialCharacter(0x3C)])
        #expect(atr.convention == nil)
        #expect(atr.historicalBytes.bytes == [0x14, 0x50])
        #expect(atr.problems.allSatisfy { $0.isMalformed })
    }

    @Test("the ATR ending inside the interface bytes names the missing byte and where")
    func truncatedInterfaceBytes() throws {
        let atr = try decode("3B F8 13")
        #expect(atr.problems == [.truncatedInterfaceBytes(missing: "TB1", offset: 3)])
        #expect(names(atr) == "TA1")
        #expect(atr.historicalBytes.bytes.isEmpty)
        #expect(atr.checkByte == nil)
        let inLaterGroup = try decode("3B F8 13 00 00 81 31 FE")
        #expect(inLaterGroup.problems == [.truncatedInterfaceBytes(missing: "TB3", offset: 8)])
        #expect(ATRError.truncatedInterfaceBytes(missing: "TB3", offset: 8).description
            == "truncated interface bytes: TB3 is announced but the ATR ends at byte 8")
    }

    @Test("fewer historical bytes than T0 announces")
    func truncatedHistoricalBytes() throws {
        let atr = try decode("3B 95 13 81 01 80 73 FF 01")
        #expect(atr.problems == [.truncatedHistoricalBytes(expected: 5, found: 4)])
        #expect(atr.historicalBytes.bytes == [0x80, 0x73, 0xFF, 0x01])
        #expect(atr.checkByte == nil)
        #expect(atr.problems.first?.isMalformed == true)
    }

    @Test("a wrong TCK names the expected and the found value")
    func wrongCheckByte() throws {
        let atr = try decode("3B 95 13 81 01 80 73 FF 01 00 0C")
        #expect(atr.problems == [.wrongCheckByte(expected: 0x0B, found: 0x0C)])
        #expect(atr.checkByte?.isCorrect == false)
        #expect(atr.problems.first?.isMalformed == false)
        #expect(ATRError.wrongCheckByte(expected: 0x0B, found: 0x0C).description.hasPrefix("wrong TCK: found 0C, expected 0B"))
        #expect(throws: ATRError.wrongCheckByte(expected: 0x0B, found: 0x0C)) { try ATR(bytes: atr.bytes) }
    }

    @Test("no TCK although T=1 is offered")
    func missingCheckByte() throws {
        let atr = try decode("3B 95 13 81 01 80 73 FF 01 00")
        #expect(atr.problems == [.missingCheckByte])
        #expect(atr.requiresCheckByte)
        #expect(atr.historicalBytes.bytes.count == 5)
    }

    @Test("bytes after the end of the ATR")
    func extraBytes() throws {
        let afterCheck = try decode("3B 95 13 81 01 80 73 FF 01 00 0B 99")
        #expect(afterCheck.problems == [.extraBytes([0x99])])
        #expect(afterCheck.checkByte?.isCorrect == true)
        let noCheckExpected = try decode("3B 02 14 50 11")
        #expect(noCheckExpected.problems == [.extraBytes([0x11])])
        #expect(noCheckExpected.checkByte == nil)
    }

    @Test("T=15 in TD1 is invalid")
    func globalInTD1() throws {
        let atr = try decode("3B 80 1F C7 58")
        #expect(atr.problems == [.globalBytesIndicatedByTD1])
        #expect(meaning(atr, .a, 2) == .specificMode(protocolType: 7, canChange: false, implicitParameters: false))
    }

    @Test("an ATR longer than 33 bytes")
    func tooLong() throws {
        var bytes: [UInt8] = [0x3B, 0xFF, 0x96, 0x00, 0xFF, 0xF1, 0x11, 0x00, 0xFF, 0xF1]
        bytes += [0xFE, 0x45, 0x00, 0xF1, 0x20, 0x11, 0x00, 0x01]
        bytes += [UInt8](repeating: 0x41, count: 15)
        bytes.append(bytes[1...].reduce(0, ^))
        let atr = ATR(decoding: bytes)
        #expect(bytes.count == 34)
        #expect(atr.problems == [.tooLong(length: 34)])
        #expect(atr.interfaceBytes.count == 16)
        #expect(atr.checkByte?.isCorrect == true)
    }

    @Test("broken compact-TLV in the historical bytes is a warning, not an ATR problem")
    func brokenCompactTLV() throws {
        let atr = try decode("3B 03 80 45 41")
        #expect(atr.isValid)
        #expect(atr.historicalBytes.objects == [CompactTLVObject(tag: 4, value: [0x41], offset: 1)])
        #expect(atr.historicalBytes.warnings == ["compact-TLV object 45 at historical byte 2 announces 5 byte(s), only 1 remain"])
        let shortStatus = try decode("3B 02 00 90")
        #expect(shortStatus.historicalBytes.statusIndicator == nil)
        #expect(shortStatus.historicalBytes.warnings.count == 1)
    }

    @Test("every prefix of every known ATR decodes without trapping and reports a problem", arguments: KnownATR.all)
    func everyPrefix(hex: String) throws {
        let bytes = try ATR.parseHex(hex)
        for length in 0..<bytes.count {
            let atr = ATR(decoding: Array(bytes.prefix(length)))
            #expect(!atr.problems.isEmpty, "prefix of \(length) bytes of \(hex)")
        }
    }

    @Test("random bytes never trap")
    func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let count = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let atr = ATR(decoding: bytes)
            #expect(atr.bytes == bytes)
            _ = atr.interfaceBytes.map(\.meaning.description)
            _ = atr.historicalBytes.objects.map(\.details)
        }
    }
}
