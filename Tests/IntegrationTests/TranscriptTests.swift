import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    @Suite("scard script --record and --compare (golden transcripts)")
    struct TranscriptTests {
        static let script = """
            # test: select MF
            00 A4 00 0C 02 3F 00 => 90 00
            # test: challenge
            00 84 00 00 08 => * 90 00
            # test: unknown instruction
            00 FF 00 00 => SW 6D 00

            """

        /// Writes `text` to `name` in `folder` and returns its path.
        func write(_ text: String, _ name: String, in folder: URL) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }

        @Test("a transcript recorded then compared is equal (random data ignored); exit 0")
        func recordThenCompare() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = try write(Self.script, "applet.apdu", in: folder)
            let golden = folder.appendingPathComponent("golden.json").path
            let record = try ScardProcess.run(["script", "--reader", "0", script, "--record", golden, "--ignore-data", "00 84"])
            #expect(record.status == 0)
            let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: golden))) as? [String: Any])
            #expect(saved["format"] as? String == "scard-transcript/1")
            #expect(saved["reader"] as? String == "Virtual PCD 00 00")
            #expect(saved["atr"] as? String == "3B 95 13 81 01 80 73 FF 01 00 0B")
            #expect(saved["script"] as? String == script)
            let exchanges = try #require(saved["exchanges"] as? [[String: Any]])
            try #require(exchanges.count == 3)
            #expect(exchanges.map { $0["line"] as? Int } == [2, 4, 6])
            #expect(exchanges.map { $0["test"] as? String } == ["select MF", "challenge", "unknown instruction"])
            #expect(exchanges[0]["command"] as? String == "00 A4 00 0C 02 3F 00")
            #expect(exchanges[0]["response"] as? String == "90 00")
            #expect(exchanges[0]["sw"] as? String == "90 00")
            #expect(exchanges[0]["meaning"] as? String == "normal processing")
            #expect(exchanges[0]["seconds"] is Double)
            #expect((exchanges[0]["wire"] as? [[String: Any]])?.count == 1)
            #expect(exchanges[1]["response"] as? String == ".. .. .. .. .. .. .. .. 90 00")

            let compare = try ScardProcess.run(["script", "--reader", "1", script, "--compare", golden])
            #expect(compare.status == 0)
            #expect(compare.lines.last == "transcript matches \(golden)")
            #expect(compare.stderr.isEmpty)
        }

        @Test("a compare that differs prints a diff with line numbers and exits 1")
        func compareDiffers() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = try write(Self.script, "applet.apdu", in: folder)
            let golden = folder.appendingPathComponent("golden.json").path
            #expect(try ScardProcess.run(["script", script, "--record", golden]).status == 0)

            // GET CHALLENGE answers new random bytes: without --ignore-data the run differs there.
            let differs = try ScardProcess.run(["script", script, "--compare", golden])
            #expect(differs.status == 1)
            #expect(differs.stdout.contains("--- \(golden)\n+++ this run\n@@ line 4: > 00 84 00 00 08 @@\n- response  "))
            #expect(differs.lines.last == "1 difference(s) from \(golden)")
            #expect(differs.stderr == "scard: the run differs from \(golden) in 1 place(s)\n")

            // Ignoring GET CHALLENGE's data makes it equal; so do `..` wildcards written in the golden file.
            #expect(try ScardProcess.run(["script", script, "--compare", golden, "--ignore-data", "0084"]).status == 0)
            var text = try String(contentsOfFile: golden, encoding: .utf8)
            let recorded = try #require(text.range(of: #""response" : "[0-9A-F ]{23} 90 00""#, options: .regularExpression))
            text.replaceSubrange(recorded, with: #""response" : ".. .. .. .. .. .. .. .. 90 00""#)
            try Data(text.utf8).write(to: URL(fileURLWithPath: golden))
            let wildcards = try ScardProcess.run(["script", script, "--compare", golden])
            #expect(wildcards.status == 0, "\(wildcards.stdout)")

            // A script that moved a line, changed an answer and dropped an exchange.
            let edited = try write("""
                # test: select MF

                00 A4 00 0C 02 3F 00 => 90 00
                # test: challenge
                00 84 00 00 08 => * 90 00
                # test: a different instruction
                00 FE 00 00 => SW 6D 00

                """, "edited.apdu", in: folder)
            let moved = try ScardProcess.run(["script", edited, "--compare", golden])
            #expect(moved.status == 1)
            #expect(moved.stdout.contains("@@ line 7 (golden line 6): > 00 FE 00 00 @@\n- command  00 FF 00 00\n+ command  00 FE 00 00"))
            let shorter = try write("00 A4 00 0C 02 3F 00\n", "short.apdu", in: folder)
            let missing = try ScardProcess.run(["script", shorter, "--compare", golden, "--json"])
            #expect(missing.status == 1)
            let record = try #require(try jsonObjects(missing.lines).last { $0["type"] as? String == "comparison" })
            #expect(record["equal"] as? Bool == false)
            let kinds = (record["differences"] as? [[String: Any]])?.map { $0["kind"] as? String }
            #expect(kinds == ["missing", "missing"])
        }

        @Test("a golden file that is not a transcript, or unreadable, is a usage error (exit 2)")
        func badGolden() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = try write(Self.script, "applet.apdu", in: folder)
            let notJSON = try write("{ nope", "bad.json", in: folder)
            let bad = try ScardProcess.run(["script", script, "--compare", notJSON])
            #expect(bad.status == 2)
            #expect(bad.stderr == "scard: \(notJSON): not a transcript: malformed JSON\n")
            #expect(bad.stdout.isEmpty)
            let badHex = try write("""
                {"format": "scard-transcript/1", "reader": "r", "atr": "3B 95", "exchanges": [
                  {"line": 1, "command": "00 A4", "response": "9G 00"}]}
                """, "hex.json", in: folder)
            let hex = try ScardProcess.run(["script", script, "--compare", badHex])
            #expect(hex.status == 2)
            #expect(hex.stderr.hasPrefix("scard: \(badHex): exchange 1 (line 1): response: '9G 00': "))
            let missing = try ScardProcess.run(["script", script, "--compare", folder.appendingPathComponent("none.json").path])
            #expect(missing.status == 2)
            let usage = try ScardProcess.run(["script", script, "--ignore-data", "0084"])
            #expect(usage.status == 2)
            #expect(usage.stderr.contains("--ignore-data goes with --record or --compare"))
            let badPrefix = try ScardProcess.run(["script", script, "--compare", notJSON, "--ignore-data", "zz"])
            #expect(badPrefix.status == 2)
            #expect(badPrefix.stderr.hasPrefix("scard: --ignore-data: 'zz' is not a command prefix in hex"))
        }
    }
}
