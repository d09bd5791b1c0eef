import Foundation
import TestSupport
import Testing

extension VirtualReader {
    /// The ATR of scripts/t0card.py: T=0 only, historical bytes "T0CARD".
    static let t0ATR = "3B 06 54 30 43 41 52 44"

    /// Puts the scripted T=0 card (scripts/t0card.py, with `options` such as `--mute`) in reader 1,
    /// runs `body`, and puts the iso7816 card back whatever happens.
    static func withT0Card<T>(_ options: String..., body: () throws -> T) throws -> T {
        try control("card-remove", "1")
        defer {
            _ = try? control("card-remove", "1")
            _ = try? control("card-insert", "1")
        }
        let inserted = try control(["card-insert", "1", "--t0"] + options)
        try #require(inserted.status == 0, "card-insert 1 --t0 failed: \(inserted.stderr)")
        return try body()
    }

    /// Runs `scripts/virtual-reader.sh` with an argument list.
    @discardableResult
    static func control(_ arguments: [String]) throws -> ScardProcess.Result {
        let script = ScardProcess.projectRoot.appendingPathComponent("scripts/virtual-reader.sh")
        return try ScardProcess.runExecutable(URL(fileURLWithPath: "/bin/bash"), [script.path] + arguments, timeout: 60)
    }
}

/// A fresh temporary folder for files a test writes; removed by the caller's `defer`.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scard-ci-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// The JSON objects of output lines.
func jsonObjects(_ lines: [String]) throws -> [[String: Any]] {
    try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
}

extension VirtualReaderTests {
    @Suite("T=0 procedure answers against a scripted T=0 card", VirtualReader.destructive)
    struct T0Tests {
        @Test("61xx: GET RESPONSE fetches the data, --wire shows both wire exchanges; off returns 61xx")
        func getResponse() throws {
            try VirtualReader.withT0Card {
                let status = try ScardProcess.run(["status", "--reader", "1"])
                #expect(status.stdout.contains("protocol: T=0"))
                #expect(status.stdout.contains("atr:      \(VirtualReader.t0ATR)"))

                let auto = try ScardProcess.run(["send", "--reader", "1", "--wire", "00A4040006A00000005430"])
                #expect(auto.status == 0)
                #expect(auto.lines == [
                    "> 00 A4 04 00 06 A0 00 00 00 54 30",
                    "< 6F 0D 84 06 A0 00 00 00 54 30 A5 03 88 01 01 90 00 : normal processing",
                    "    wire > 00 A4 04 00 06 A0 00 00 00 54 30",
                    "    wire < 61 0F",
                    "    wire > 00 C0 00 00 0F",
                    "    wire < 6F 0D 84 06 A0 00 00 00 54 30 A5 03 88 01 01 90 00",
                ])

                let off = try ScardProcess.run(["send", "--reader", "1", "--wire", "--get-response", "off", "00A4040006A00000005430"])
                #expect(off.status == 0)
                #expect(off.lines == ["> 00 A4 04 00 06 A0 00 00 00 54 30", "< 61 0F : 15 more byte(s) available (GET RESPONSE)"])

                let large = try ScardProcess.run(["send", "--reader", "1", "--json", "00CA010000"])
                let object = try #require(try jsonObjects(large.lines).first)
                let wire = try #require(object["wire"] as? [[String: Any]])
                #expect(wire.map { $0["command"] as? String } == ["00CA010000", "00C0000000", "00C000002C"])
                #expect(wire.map { ($0["response"] as? String)?.suffix(4) } == ["6100", "612C", "9000"])
                #expect((object["data"] as? String)?.count == 600)
            }
        }

        @Test("6Cxx: the command is resent with the right Le; --fix-le off returns 6Cxx")
        func fixLe() throws {
            try VirtualReader.withT0Card {
                let auto = try ScardProcess.run(["send", "--reader", "1", "--wire", "00B0000000"])
                #expect(auto.status == 0)
                #expect(auto.lines == [
                    "> 00 B0 00 00 00",
                    "< 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 90 00 : normal processing",
                    "    wire > 00 B0 00 00 00",
                    "    wire < 6C 10",
                    "    wire > 00 B0 00 00 10",
                    "    wire < 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 90 00",
                ])
                let off = try ScardProcess.run(["send", "--reader", "1", "--fix-le", "off", "--check-sw", "00B0000000"])
                #expect(off.status == 1)
                #expect(off.lines == ["> 00 B0 00 00 00", "< 6C 10 : wrong Le: exactly 16 byte(s) available"])
            }
        }

        @Test("script --wire, --json and --record show the wire exchanges under each logical one")
        func scriptWire() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = """
                # test: select
                00 A4 04 00 06 A0 00 00 00 54 30 => 6F 0D 84 06 * 90 00
                # test: read with the wrong Le
                00 B0 00 00 00 => * 90 00
                # test: challenge with Le 00
                00 84 00 00 00 => .. .. .. .. .. .. .. .. 90 00

                """
            let transcript = folder.appendingPathComponent("t0.json").path
            try VirtualReader.withT0Card {
                let text = try ScardProcess.run(["script", "--reader", "1", "--wire", "-"], stdin: script)
                #expect(text.status == 0)
                #expect(text.lines.filter { $0.hasPrefix("    wire ") }.count == 12)
                #expect(text.lines.contains("    wire < 6C 08"))

                let json = try ScardProcess.run(["script", "--reader", "1", "--json", "-"], stdin: script)
                let exchanges = try jsonObjects(json.lines).filter { $0["command"] != nil }
                #expect(exchanges.map { ($0["wire"] as? [Any])?.count } == [2, 2, 2])

                let record = try ScardProcess.run(
                    ["script", "--reader", "1", "--record", transcript, "--ignore-data", "0084", "-"], stdin: script)
                #expect(record.status == 0)
                let saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: transcript))) as? [String: Any])
                #expect(saved["atr"] as? String == VirtualReader.t0ATR)
                #expect(saved["protocol"] as? String == "T=0")
                let items = try #require(saved["exchanges"] as? [[String: Any]])
                let wire = items.compactMap { $0["wire"] as? [[String: Any]] }
                try #require(wire.count == 3)
                #expect(wire.map { $0.map { $0["command"] as? String } } == [
                    ["00 A4 04 00 06 A0 00 00 00 54 30", "00 C0 00 00 0F"],
                    ["00 B0 00 00 00", "00 B0 00 00 10"],
                    ["00 84 00 00 00", "00 84 00 00 08"],
                ])
                #expect(wire[2].map { $0["response"] as? String } == ["6C 08", ".. .. .. .. .. .. .. .. 90 00"])

                let compare = try ScardProcess.run(["script", "--reader", "1", "--compare", transcript, "-"], stdin: script)
                #expect(compare.status == 0)
                #expect(compare.lines.last == "transcript matches \(transcript)")
            }
            // The iso7816 card answers over T=1 in one exchange: the wire and the ATR differ.
            let other = try ScardProcess.run(["script", "--reader", "1", "--compare", transcript, "-"], stdin: script)
            #expect(other.status == 1)
            #expect(other.stdout.contains("@@ ATR @@\n- \(VirtualReader.t0ATR)\n+ 3B 95 13 81 01 80 73 FF 01 00 0B"))
            #expect(other.stdout.contains("- wire"))
        }
    }
}
