import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    @Suite("scard atr --reader against pcscd")
    struct ATRReaderTests {
        @Test("decodes the ATR of the card in a reader")
        func decodesReaderATR() throws {
            let result = try ScardProcess.run(["atr", "--reader", "1"])
            #expect(result.status == 0)
            #expect(result.lines.first == "ATR: 3B 95 13 81 01 80 73 FF 01 00 0B")
            #expect(result.stdout.contains("Protocols: T=1"))
        }

        @Test("--json from a reader parses")
        func json() throws {
            let result = try ScardProcess.run(["atr", "--reader", "0", "--json"])
            #expect(result.status == 0)
            #expect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) is [String: Any])
        }

        @Test("an empty reader is the no-card error", VirtualReader.destructive)
        func emptyReader() throws {
            let result = try VirtualReader.withCardRemoved(1) { try ScardProcess.run(["atr", "--reader", "1"]) }
            #expect(result.status == 4)
            #expect(result.stderr == "scard: no card in reader 'Virtual PCD 00 01'\n")
        }

        @Test("hex and --reader together are a usage error")
        func both() throws {
            let result = try ScardProcess.run(["atr", "--reader", "1", "3B00"])
            #expect(result.status == 2)
        }
    }
}
