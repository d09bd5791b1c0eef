import PCSC
import Testing

@Suite("PC/SC errors")
struct PCSCErrorTests {
    @Test("named codes carry their C names and values")
    func names() {
        #expect(PCSCError.invalidHandle.name == "SCARD_E_INVALID_HANDLE")
        #expect(PCSCError.invalidHandle.rawValue == 0x8010_0003)
        #expect(PCSCError.noService.hex == "0x8010001D")
        #expect(PCSCError.removedCard.name == "SCARD_W_REMOVED_CARD")
        #expect(PCSCError.noReadersAvailable.rawValue == 0x8010_002E)
        #expect(PCSCError.sharingViolation.rawValue == 0x8010_000B)
    }

    @Test("the no-service error says how to start pcscd")
    func actionable() {
        #expect(PCSCError.noService.description.hasPrefix("SCARD_E_NO_SERVICE (0x8010001D): pcscd is not running: start it"))
    }

    @Test("an unknown code is shown in hex, not a crash")
    func unknownCode() {
        let error = PCSCError(rawValue: 0x8010_0FFF)
        #expect(error.name == "0x80100FFF")
        #expect(error.description == "0x80100FFF (0x80100FFF): unknown PC/SC error")
    }
}
