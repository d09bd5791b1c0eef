import APDUScript
import PCSC
import Testing

@Suite("Long runs of continued lines")
struct ContinuationLineTests {
    @Test("200,000 continued lines parse into their APDUs, bytes, line numbers and text")
    func longContinuation() throws {
        // Four extended case-3 APDUs (UPDATE BINARY), each a header line and 49,999 lines of one
        // data byte, all but the last ending with '\'.
        let parts = 4
        let dataLength = 49_999
        var text = ""
        text.reserveCapacity(parts * (dataLength + 1) * 6)
        for part in 0..<parts {
            text += "00 D6 00 0\(part) 00 C3 4F \\\n"
            for index in 0..<dataLength {
                text += Hex.string([UInt8(truncatingIfNeeded: index &+ part)])
                text += index == dataLength - 1 ? "\n" : " \\\n"
            }
        }
        let script = try APDUScript(parsing: text)
        #expect(text.split(separator: "\n").count == 200_000)
        try #require(script.lines.count == parts)
        for (part, line) in script.lines.enumerated() {
            #expect(line.number == 1 + part * (dataLength + 1))
            guard case .apdu(let bytes, let expectation) = line.kind else {
                Issue.record("line \(line.number) is not an APDU")
                continue
            }
            #expect(expectation == nil)
            #expect(bytes.count == 7 + dataLength)
            #expect(Array(bytes.prefix(7)) == [0x00, 0xD6, 0x00, UInt8(part), 0x00, 0xC3, 0x4F])
            let data = bytes.dropFirst(7)
            #expect(data.enumerated().allSatisfy { $0.element == UInt8(truncatingIfNeeded: $0.offset &+ part) })
            #expect(line.text == "00 D6 00 0\(part) 00 C3 4F " + Hex.string(data))
        }
    }
}
