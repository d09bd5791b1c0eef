import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    @Suite("--protocol, --share and --reset against pcscd")
    struct ConnectionOptionTests {
        @Test("a protocol the card does not offer: exit 3 naming what its ATR offers")
        func protocolNotOffered() throws {
            let result = try ScardProcess.run(["status", "-r", "1", "--protocol", "t0"])
            #expect(result.status == 3)
            #expect(result.stderr == "scard: cannot connect to 'Virtual PCD 00 01' with T=0: the card offers T=1 (SCARD_E_PROTO_MISMATCH)\n")
        }

        @Test("send says how it connected when the options are given")
        func connectedLine() throws {
            let result = try ScardProcess.run(["send", "-r", "1", "--protocol", "t1", "--share", "exclusive", "00 A4 00 0C 02 3F 00"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.lines.first == "# connected: Virtual PCD 00 01, T=1, exclusive")
            #expect(result.lines.last == "< 90 00 : normal processing")
            let plain = try ScardProcess.run(["send", "-r", "1", "00 A4 00 0C 02 3F 00"])
            #expect(plain.lines.first == "> 00 A4 00 0C 02 3F 00")
        }

        @Test("an exclusive hold makes a second scard process get a sharing violation (exit 3)")
        func exclusiveHold() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("hold.apdu").path
            try "00 A4 00 0C 02 3F 00\ndelay 4s\n00 A4 00 0C 02 3F 00\n".write(toFile: path, atomically: true, encoding: .utf8)
            let holder = try ScardProcess.start(["script", "-r", "1", "--share", "exclusive", "--trace", path])
            #expect(holder.waitForError(containing: "SCardTransmit"))
            let second = try ScardProcess.run(["send", "-r", "1", "00 A4 00 0C 02 3F 00"], timeout: 30)
            #expect(second.status == 3)
            #expect(second.stderr.hasPrefix("scard: cannot connect to 'Virtual PCD 00 01': SCARD_E_SHARING_VIOLATION"), "\(second.stderr)")
            #expect(second.stderr.split(separator: "\n").count == 1)
            let first = try holder.wait(timeout: 60)
            #expect(first.status == 0, "\(first.stderr)")
            let after = try ScardProcess.run(["send", "-r", "1", "00 A4 00 0C 02 3F 00"])
            #expect(after.status == 0, "\(after.stderr)")
        }

        @Test("reset in a script keeps the chosen protocol; a card left in RAW needs --reset, which clears it")
        func rawKeptAndCleared() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("reset.apdu").path
            try "00 A4 00 0C 02 3F 00\nreset\n00 A4 00 0C 02 3F 00\n".write(toFile: path, atomically: true, encoding: .utf8)
            defer { _ = try? ScardProcess.run(["status", "-r", "1", "--reset", "warm"]) }
            let raw = try ScardProcess.run(["script", "-r", "1", "--protocol", "raw", path])
            #expect(raw.status == 0, "\(raw.stderr)")
            let resetAnswer = raw.lines.first { $0.hasPrefix("< card reset") || $0.hasPrefix("< reset") }
            #expect(resetAnswer?.contains("RAW") == true, "\(raw.stdout)")
            let stuck = try ScardProcess.run(["send", "-r", "1", "00 A4 00 0C 02 3F 00"])
            #expect(stuck.status == 3)
            #expect(stuck.stderr.contains("an earlier connection left it in RAW"), "\(stuck.stderr)")
            let warm = try ScardProcess.run(["send", "-r", "1", "--reset", "warm", "00 A4 00 0C 02 3F 00"])
            #expect(warm.status == 0, "\(warm.stderr)")
            #expect(warm.lines.first == "# connected: Virtual PCD 00 01, T=1, shared, warm reset")
            let cold = try ScardProcess.run(["status", "-r", "1", "--reset", "cold", "--json"])
            #expect(cold.status == 0, "\(cold.stderr)")
        }

        @Test("a direct connection reaches the reader and reports the protocol in use")
        func direct() throws {
            let result = try ScardProcess.run(["status", "-r", "1", "--share", "direct"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.lines.contains("protocol: T=1"))
        }

        @Test("bad values are usage errors")
        func badValues() throws {
            for arguments in [["--protocol", "t2"], ["--share", "open"], ["--reset", "hot"]] {
                let result = try ScardProcess.run(["status", "-r", "1"] + arguments)
                #expect(result.status == 2)
                #expect(result.stderr.hasPrefix("scard: "))
            }
        }
    }
}
