import ISO7816
import Testing

@Suite("ATR decoding of real cards")
struct ATRDecodingTests {
    @Test("every known ATR is valid, and its bytes are kept as given", arguments: KnownATR.all)
    func allValid(hex: String) throws {
        let atr = try decode(hex)
        #expect(atr.problems == [])
        #expect(atr.isValid)
        #expect(ATRHex.string(atr.bytes) == hex)
        #expect(try ATR(bytes: atr.bytes) == atr)
    }

    @Test("virtual card: TA1 Fi/Di, T=1 twice, card capabilities, TCK")
    func virtualCard() throws {
        let atr = try decode(KnownATR.virtualCard)
        #expect(atr.convention == .direct)
        #expect(atr.formatByte?.presence.bits == "1001")
        #expect(atr.formatByte?.historicalCount == 5)
        #expect(names(atr) == "TA1 TD1 TD2")
        let rate = atr.clockRate
        #expect(rate.fi == 372 && rate.di == 4 && rate.maximumFrequencyKilohertz == 5000)
        #expect(rate.cyclesPerETU == 93)
        #expect(rate.maximumBitRate == 53763)
        #expect(rate.bitRate(atFrequencyHertz: 4_000_000) == 43010)
        #expect(meaning(atr, .d, 1) == .structure(nextGroup: 2, next: .td, protocolType: 1))
        #expect(meaning(atr, .d, 2) == .structure(nextGroup: 3, next: [], protocolType: 1))
        #expect(atr.protocols == [1])
        #expect(atr.historicalBytes.category == .compactTLV)
        #expect(atr.historicalBytes.objects == [CompactTLVObject(tag: 7, value: [0xFF, 0x01, 0x00], offset: 1)])
        #expect(atr.checkByte == ATRCheckByte(value: 0x0B, expected: 0x0B, offset: 10))
    }

    @Test("contactless MIFARE Classic 1K: PC/SC storage-card historical bytes")
    func mifare() throws {
        let atr = try decode(KnownATR.mifareClassic1K)
        #expect(names(atr) == "TD1 TD2")
        #expect(atr.protocols == [0, 1])
        #expect(atr.requiresCheckByte)
        #expect(atr.checkByte?.isCorrect == true)
        let card = try #require(atr.historicalBytes.storageCard)
        #expect(card.standard == 0x03)
        #expect(card.standardDescription == "ISO 14443 A, part 3")
        #expect(card.cardName == 0x0001)
        #expect(card.cardNameDescription == "MIFARE Classic 1K")
        #expect(atr.historicalBytes.objects.isEmpty)
        #expect(atr.historicalBytes.warnings.isEmpty)
    }

    @Test("Barclaycard: TB1 VPP unused, TC1, no TD so T=0 without TCK, status indicator object")
    func barclaycard() throws {
        let atr = try decode(KnownATR.barclaycard)
        #expect(names(atr) == "TB1 TC1")
        #expect(meaning(atr, .b, 1) == .noProgrammingVoltage)
        #expect(meaning(atr, .c, 1) == .extraGuardTime(0))
        #expect(atr.protocols == [0])
        #expect(!atr.requiresCheckByte)
        #expect(atr.checkByte == nil)
        #expect(atr.clockRate == .default)
        let objects = atr.historicalBytes.objects
        #expect(objects.map(\.tag) == [3, 6, 8])
        #expect(objects.map(\.value) == [[0x80], [0xB0, 0x84, 0x12, 0x01, 0x6E, 0x01], [0x00, 0x90, 0x00]])
        #expect(objects.first?.details == [
            "application selection by full DF name", "EF.DIR and EF.ATR access services: by READ RECORD(S)",
            "card with MF",
        ])
        #expect(atr.historicalBytes.statusIndicator?.lifeCycleStatus == 0x00)
        #expect(atr.historicalBytes.statusIndicator?.statusWord == 0x9000)
    }

    @Test("JCOP 2.4.1: T=1 IFSC and BWI/CWI in group 3, proprietary historical bytes")
    func jcop() throws {
        let atr = try decode(KnownATR.jcop241)
        #expect(names(atr) == "TA1 TB1 TC1 TD1 TD2 TA3 TB3")
        #expect(meaning(atr, .a, 3) == .informationFieldSize(254))
        #expect(meaning(atr, .b, 3) == .waitingTimes(bwi: 4, cwi: 5))
        #expect(atr.historicalBytes.category == .proprietary(0x4A))
        #expect(atr.historicalBytes.text == "JCOPv241")
        #expect(atr.checkByte?.value == 0xB7)
    }

    @Test("Multiflex 3k: no interface bytes at all")
    func multiflex() throws {
        let atr = try decode(KnownATR.multiflex3k)
        #expect(atr.interfaceBytes.isEmpty)
        #expect(atr.protocols == [0])
        #expect(atr.historicalBytes.bytes == [0x14, 0x50])
        #expect(atr.historicalBytes.category == .proprietary(0x14))
        #expect(atr.checkByte == nil)
    }

    @Test("Postgirot bank card: inverse convention, deprecated TB1 programming voltage")
    func inverse() throws {
        let atr = try decode(KnownATR.postgirot)
        #expect(atr.convention == .inverse)
        #expect(meaning(atr, .b, 1) == .programmingVoltage(volts: 5, milliamperes: 50))
        #expect(atr.historicalBytes.bytes == [0x24, 0x09, 0x6B, 0x90, 0x00])
    }

    @Test("Yubikey 4: BWI 1, CWI 5, historical bytes spell Yubikey4")
    func yubikey() throws {
        let atr = try decode(KnownATR.yubikey4)
        #expect(meaning(atr, .b, 3) == .waitingTimes(bwi: 1, cwi: 5))
        #expect(atr.historicalBytes.text == "Yubikey4")
        #expect(atr.checkByte?.value == 0xD4 && atr.checkByte?.isCorrect == true)
    }

    @Test("German ID card: card service data, capabilities with extended lengths, SW-only status")
    func germanID() throws {
        let atr = try decode(KnownATR.germanID)
        let objects = atr.historicalBytes.objects
        #expect(objects.map(\.tag) == [3, 7, 8])
        let capabilities = try #require(CardCapabilities(objects[1].value))
        #expect(capabilities.selectionMethods == 0xF7 && capabilities.dataCoding == 0x41)
        #expect(capabilities.descriptions.contains("  extended Lc and Le fields"))
        #expect(capabilities.descriptions.contains("  behaviour of write functions: write OR"))
        #expect(atr.historicalBytes.statusIndicator == ATRStatusIndicator([0x90, 0x00]))
        #expect(atr.historicalBytes.statusIndicator?.lifeCycleStatus == nil)
    }

    @Test("German test passport: category 00 with the mandatory status indicator last")
    func categoryZero() throws {
        let atr = try decode(KnownATR.germanTestPassport)
        #expect(atr.historicalBytes.category == .compactTLVWithStatus)
        #expect(atr.historicalBytes.objects.isEmpty)
        #expect(atr.historicalBytes.statusIndicator?.description == "LCS 00 (no information given), SW 90 00")
        #expect(atr.checkByte?.value == 0x95)
    }

    @Test("sysmoUSIM: TA1 = 96, T=15 global TA3 with clock stop and classes, TCK although only T=0")
    func sysmoUSIM() throws {
        let atr = try decode(KnownATR.sysmoUSIM)
        #expect(atr.clockRate.fi == 512 && atr.clockRate.di == 32)
        #expect(atr.clockRate.cyclesPerETU == 16)
        #expect(atr.clockRate.maximumBitRate == 312_500)
        #expect(meaning(atr, .d, 2) == .structure(nextGroup: 3, next: .ta, protocolType: 15))
        #expect(meaning(atr, .a, 3) == .clockStopAndClasses(.noPreference, classes: ["A (5 V)", "B (3 V)", "C (1.8 V)"]))
        #expect(atr.protocols == [0])
        #expect(atr.requiresCheckByte)
        #expect(atr.checkByte?.isCorrect == true)
        #expect(atr.historicalBytes.objects.map(\.tag) == [3, 7, 6])
    }

    @Test("docomo SIM: T=15 TB3 is the SPU byte, LCS operational")
    func docomo() throws {
        let atr = try decode(KnownATR.docomoSIM)
        #expect(meaning(atr, .b, 3) == .standardOrProprietaryUse(0xA0))
        #expect(atr.historicalBytes.statusIndicator?.lifeCycleStatus == 0x05)
        #expect(atr.historicalBytes.statusIndicator?.description.contains("operational state (activated)") == true)
    }

    @Test("ACOS-ID: TA2 specific mode, TC1 = FF, Di = 12")
    func acos() throws {
        let atr = try decode(KnownATR.acosID)
        #expect(names(atr) == "TA1 TC1 TD1 TA2 TD2 TA3 TB3")
        #expect(atr.clockRate.di == 12 && atr.clockRate.cyclesPerETU == 31)
        #expect(meaning(atr, .c, 1) == .extraGuardTime(255))
        #expect(meaning(atr, .a, 2) == .specificMode(protocolType: 1, canChange: true, implicitParameters: false))
        #expect(meaning(atr, .b, 3) == .waitingTimes(bwi: 4, cwi: 6))
    }

    @Test("TCOS 1.2: T=1 error detection code in TC3")
    func tcos() throws {
        let atr = try decode(KnownATR.tcos12)
        #expect(meaning(atr, .a, 3) == .informationFieldSize(70))
        #expect(meaning(atr, .b, 3) == .waitingTimes(bwi: 5, cwi: 13))
        #expect(meaning(atr, .c, 3) == .errorDetection(.lrc, reservedBits: false))
    }

    @Test("Cryptoflex 8k: TC2 after T=0 is the waiting time integer")
    func cryptoflex() throws {
        let atr = try decode(KnownATR.cryptoflex8k)
        #expect(names(atr) == "TD1 TC2")
        #expect(meaning(atr, .c, 2) == .waitingTimeInteger(32))
        #expect(atr.protocols == [0])
        #expect(atr.checkByte == nil)
    }

    @Test("JCOP 30: TC1 = FF means the minimum guard time")
    func guardTime() throws {
        let atr = try decode(KnownATR.jcop30)
        #expect(meaning(atr, .c, 1)?.description.contains("minimum guard time") == true)
    }
}
