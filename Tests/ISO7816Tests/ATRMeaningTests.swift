import ISO7816
import Testing

@Suite("ATR byte meanings from the ISO/IEC 7816-3 tables")
struct ATRMeaningTests {
    @Test("the Fi / f(max) and Di tables, with reserved values")
    func clockRateTables() {
        let fi = (0...15).map { ATRClockRate(UInt8($0) << 4 | 1).fi }
        #expect(fi == [372, 372, 558, 744, 1116, 1488, 1860, nil, nil, 512, 768, 1024, 1536, 2048, nil, nil])
        let fMax = (0...15).map { ATRClockRate(UInt8($0) << 4 | 1).maximumFrequencyKilohertz }
        #expect(fMax == [4000, 5000, 6000, 8000, 12000, 16000, 20000, nil, nil, 5000, 7500, 10000, 15000, 20000, nil, nil])
        let di = (0...15).map { ATRClockRate(0x10 | UInt8($0)).di }
        #expect(di == [nil, 1, 2, 4, 8, 16, 32, 64, 12, 20, nil, nil, nil, nil, nil, nil])
        #expect(ATRClockRate(0x70).cyclesPerETU == nil)
        #expect(ATRClockRate(0x70).description.contains("reserved value"))
        #expect(ATRClockRate(0x13).description
            == "Fi = 372, Di = 4, 93 cycles/ETU, f(max) = 5 MHz (53763 bit/s; 43010 bit/s at 4 MHz)")
        #expect(ATRClockRate(0xA9).description.contains("f(max) = 7.5 MHz"))
        #expect(ATRClockRate(0x19).description.contains("18.6 cycles/ETU"))
    }

    @Test("descriptions of the interface bytes read as a person would say them")
    func descriptions() {
        #expect(ATRInterfaceMeaning.structure(nextGroup: 3, next: [.ta, .tb], protocolType: 1).description
            == "Y3 = 0011 (TA3 TB3 follow), protocol T=1 (half-duplex block)")
        #expect(ATRInterfaceMeaning.structure(nextGroup: 3, next: .ta, protocolType: 15).description
            == "Y3 = 0001 (TA3 follows), T=15: global interface bytes follow")
        #expect(ATRInterfaceMeaning.informationFieldSize(254).description == "IFSC = 254 bytes")
        #expect(ATRInterfaceMeaning.informationFieldSize(0).description == "IFSC = 0: RFU")
        #expect(ATRInterfaceMeaning.waitingTimes(bwi: 4, cwi: 5).description
            == "BWI = 4, CWI = 5: CWT = 43 etu, BWT = 11 etu + 16 × 960 × 372 / f")
        #expect(ATRInterfaceMeaning.errorDetection(.crc, reservedBits: false).description
            == "error detection code: CRC (cyclic redundancy check)")
        #expect(ATRInterfaceMeaning.specificMode(protocolType: 1, canChange: false, implicitParameters: true).description
            == "specific mode with T=1, unable to change to negotiable mode, implicit parameters")
        #expect(ATRInterfaceMeaning.waitingTimeInteger(10).description == "WI = 10: work waiting time 960 × 10 × Fi / f")
        #expect(ATRInterfaceMeaning.standardOrProprietaryUse(0).description.contains("not used"))
    }

    @Test("only the first TA and TB for T=1 are IFSC and BWI/CWI; later ones are specific to T=1")
    func onlyFirstForProtocol() throws {
        let atr = try decode("3B 80 81 B1 FE 45 31 20 11 0B")
        #expect(atr.isValid, "\(atr.problems)")
        #expect(names(atr) == "TD1 TD2 TA3 TB3 TD3 TA4 TB4")
        #expect(meaning(atr, .a, 3) == .informationFieldSize(254))
        #expect(meaning(atr, .b, 3) == .waitingTimes(bwi: 4, cwi: 5))
        #expect(meaning(atr, .a, 4) == .specific(protocolType: 1))
        #expect(meaning(atr, .b, 4) == .specific(protocolType: 1))
    }

    @Test("TC2 is the waiting time integer only after T=0")
    func tc2AfterT1() throws {
        let atr = try decode("3B 80 41 05 C4")
        #expect(atr.isValid, "\(atr.problems)")
        #expect(meaning(atr, .c, 2) == .specific(protocolType: 1))
    }
}
