import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    @Suite("Bad input: one line, non-zero exit, never a trap")
    struct BadInputTests {
        static let cases: [([String], Int32, String)] = [
            (["send", "00A400A"], 2, "odd number of hex digits"),
            (["send", "00A4000G"], 2, "'G' at column 8 is not a hex digit"),
            (["send", "00A4000C033F00"], 2, "Lc says 3 data byte(s) but 2 follow"),
            (["send", "00"], 2, "too short"),
            (["send", "00A4000C023F00", "zz"], 2, "APDU 2 'zz'"),
            (["send", "--reader", "Nope", "0084000008"], 4, "no reader matches 'Nope'; readers: 0: Virtual PCD 00 00; 1: Virtual PCD 00 01"),
            (["send", "--reader", "virtual", "0084000008"], 4, "'virtual' matches several readers"),
            (["send", "--reader", "7", "0084000008"], 4, "no reader matches '7'"),
            (["status", "--reader", "pcd 00 01x"], 4, "no reader matches"),
            (["send"], 2, "give at least one APDU"),
            (["lifecycle", "--repeat", "0"], 2, "--repeat must be at least 1"),
            (["no-such-command"], 2, "scard: unexpected argument 'no-such-command'"),
        ]

        @Test("each bad input is refused with one line and its exit code", arguments: cases)
        func refused(_ arguments: [String], _ status: Int32, _ message: String) throws {
            let result = try ScardProcess.run(arguments)
            #expect(result.status == status)
            #expect(result.stderr.contains(message))
            #expect(result.stdout.isEmpty)
        }

        @Test("an APDU over 65,544 bytes is refused before anything is sent")
        func oversize() throws {
            let hex = "00D60000" + "00FFFF" + String(repeating: "AB", count: 65_535) + "000000"
            let result = try ScardProcess.run(["send", "-"], stdin: hex + "\n")
            #expect(result.status == 2)
            #expect(result.stderr == "scard: APDU 1 on standard input: APDU of 65,545 bytes is too long: the maximum (extended, 65,535 data bytes) is 65,544\n")
            let script = try ScardProcess.run(["script", "-"], stdin: hex + "\n")
            #expect(script.status == 2)
            #expect(script.stdout.isEmpty)
        }
    }
}
