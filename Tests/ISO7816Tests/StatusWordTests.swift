import ISO7816
import Testing

@Suite("Status words and response APDUs")
struct StatusWordTests {
    @Test("ISO 7816-4 meanings", arguments: [
        (UInt16(0x9000), "normal processing"),
        (0x6110, "16 more byte(s) available (GET RESPONSE)"),
        (0x6100, "256 more byte(s) available (GET RESPONSE)"),
        (0x63C2, "warning: counter at 2 (e.g. tries left)"),
        (0x6700, "wrong length"),
        (0x6982, "security status not satisfied"),
        (0x6986, "command not allowed (no current EF)"),
        (0x6A81, "function not supported"),
        (0x6A82, "file or application not found"),
        (0x6C08, "wrong Le: exactly 8 byte(s) available"),
        (0x6D00, "instruction code not supported or invalid"),
        (0x6E00, "class not supported"),
        (0x1234, "unknown status word"),
    ])
    func meanings(_ value: UInt16, _ meaning: String) {
        #expect(StatusWord(rawValue: value).meaning == meaning)
    }

    @Test("parts, success and text")
    func parts() {
        let sw = StatusWord(sw1: 0x6A, sw2: 0x82)
        #expect(sw.rawValue == 0x6A82)
        #expect(sw.sw1 == 0x6A && sw.sw2 == 0x82)
        #expect(sw.description == "6A 82")
        #expect(!sw.isSuccess)
        #expect(StatusWord.success.isSuccess)
        #expect(StatusWord(rawValue: 0x6105).isSuccess)
    }

    @Test("a response splits into data and status word; under two bytes is no response")
    func response() throws {
        let response = try #require(ResponseAPDU(bytes: [0x01, 0x02, 0x90, 0x00]))
        #expect(Array(response.data) == [0x01, 0x02])
        #expect(response.statusWord == .success)
        #expect(response.description == "01 02 90 00")
        #expect(ResponseAPDU(bytes: [0x90]) == nil)
    }
}
