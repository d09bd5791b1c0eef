import Foundation
import TestSupport
import Testing

/// pcsc-tools' database of card names, as installed by scripts/setup.sh.
let systemATRList = "/usr/share/pcsc/smartcard_list.txt"

extension VirtualReaderTests {
    /// Card names from the ATR database, TLV decoding of responses, and scriptor's transcript,
    /// against the virtual card (`3B 95 13 81 01 80 73 FF 01 00 0B`).
    @Suite("Card data: names, TLV, scriptor parity")
    struct CardDataTests {
        static let viccName = "vsmartcard - iso7816 (Other)"

        /// A database of one entry naming the virtual card, through a pattern.
        func fixtureList() throws -> URL {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("scard-atr-list-\(UUID().uuidString).txt")
            try "# test list\n\n3B 95 .. 81 01 80 73 FF 01 00 0[A-C]\n\tTest card\n\tsecond line\n".write(to: url, atomically: true, encoding: .utf8)
            return url
        }

        @Test("list-readers, status, atr --reader and watch name the card from pcsc-tools' list",
              .enabled(if: FileManager.default.fileExists(atPath: systemATRList), "pcsc-tools is not installed"))
        func namesFromSystemList() throws {
            let list = try ScardProcess.run(["list-readers"])
            #expect(list.status == 0)
            #expect(list.lines.contains("     \(Self.viccName)"), "\(list.stdout)")
            let status = try ScardProcess.run(["status", "--reader", "0"])
            #expect(status.lines.contains("card:     \(Self.viccName)"), "\(status.stdout)")
            let atr = try ScardProcess.run(["atr", "--reader", "0"])
            #expect(atr.lines.contains("Possibly identified card (\(systemATRList)):"), "\(atr.stdout)")
            #expect(atr.lines.contains("  \(Self.viccName)"))
            let watch = try ScardProcess.run(["watch", "--json", "--timeout", "0.3", "--reader", "0"])
            let event = try #require(try JSONSerialization.jsonObject(with: Data(watch.lines[0].utf8)) as? [String: Any])
            #expect((event["cardNames"] as? [String])?.first == Self.viccName)
            #expect(list.stderr.isEmpty && status.stderr.isEmpty)
        }

        @Test("--atr-list and $SCARD_ATR_LIST choose the list; every --json line with an ATR has cardNames")
        func namedList() throws {
            let url = try fixtureList()
            defer { try? FileManager.default.removeItem(at: url) }
            let status = try ScardProcess.run(["status", "--reader", "1", "--json", "--atr-list", url.path])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
            #expect(object["cardNames"] as? [String] == ["Test card", "second line"])
            #expect(try schemaProblems(status.stdout, schema: "status").isEmpty)
            let list = try ScardProcess.run(["list-readers", "--json"], environment: ["SCARD_ATR_LIST": url.path])
            #expect(list.stdout.contains(#""cardNames":["Test card","second line"]"#), "\(list.stdout)")
            #expect(try schemaProblems(list.stdout, schema: "list-readers").isEmpty)
            let watch = try ScardProcess.run(["watch", "--json", "--timeout", "0.3", "--atr-list", url.path])
            #expect(try schemaProblems(watch.stdout, schema: "watch").isEmpty)
            let none = try ScardProcess.run(["atr", "--json", "--atr-list", url.path, "3B 00"])
            #expect(none.stdout.contains(#""cardNames":[]"#))
            #expect(try schemaProblems(none.stdout, schema: "atr").isEmpty)
        }

        @Test("a list that was named and cannot be read is a usage error")
        func unreadableList() throws {
            let missing = try ScardProcess.run(["list-readers", "--atr-list", "/nonexistent/smartcard_list.txt"])
            #expect(missing.status == 2)
            #expect(missing.stderr == "scard: /nonexistent/smartcard_list.txt: cannot read the card-name list (No such file or directory), named by --atr-list\n")
            let environment = try ScardProcess.run(["status"], environment: ["SCARD_ATR_LIST": "/nonexistent/list"])
            #expect(environment.status == 2)
            #expect(environment.stderr == "scard: /nonexistent/list: cannot read the card-name list (No such file or directory), named by $SCARD_ATR_LIST\n")
        }

        @Test("without a database: one note, no names, everything else works", VirtualReader.destructive)
        func noDatabase() throws {
            // A mount namespace of this process alone hides the system list (and no other is installed).
            let binary = ScardProcess.binary.path
            let hide = "mount -t tmpfs tmpfs /usr/share/pcsc && HOME=/nonexistent "
            let result = try ScardProcess.runExecutable(
                URL(fileURLWithPath: "/usr/bin/unshare"),
                ["--mount", "bash", "-c", hide + "'\(binary)' list-readers && '\(binary)' status --json --reader 0"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("scard: note: cards are not named") }.count == 2)
            #expect(result.stderr.contains("apt install pcsc-tools"))
            #expect(result.stdout.contains(#""cardNames":[]"#))
            #expect(result.lines.first?.hasPrefix("0: Virtual PCD 00 00") == true)
        }

        @Test("send --tlv shows nothing more when the data is not BER-TLV, and the JSON stays valid")
        func sendTLVNothingExtra() throws {
            let result = try ScardProcess.run(["send", "--tlv", "--reader", "0", "00 A4 00 0C 02 3F 00", "00 CA 00 6E 00"])
            #expect(result.status == 0)
            #expect(result.lines.count == 4, "\(result.stdout)")
            #expect(result.lines.prefix(2) == ["> 00 A4 00 0C 02 3F 00", "< 90 00 : normal processing"])
            let json = try ScardProcess.run(["send", "--tlv", "--json", "--reader", "0", "00 84 00 00 08", "00 A4 00 0C 02 3F 00"])
            #expect(try schemaProblems(json.stdout, schema: "send").isEmpty)
            let script = try ScardProcess.run(["script", "--tlv", "--json", "--reader", "0", "-"], stdin: "00 84 00 00 08\n")
            #expect(try schemaProblems(script.stdout, schema: "script").isEmpty)
        }

        @Test("the normal script output shows the ATR after reset, and --json carries it")
        func resetShowsATR() throws {
            let text = try ScardProcess.run(["script", "--reader", "0", "-"], stdin: "reset\n")
            #expect(text.lines.contains("< card reset, T=1, ATR 3B 95 13 81 01 80 73 FF 01 00 0B"), "\(text.stdout)")
            let json = try ScardProcess.run(["script", "--json", "--reader", "0", "-"], stdin: "reset\n")
            #expect(json.stdout.contains(#""atr":"3B951381018073FF01000B""#))
            #expect(try schemaProblems(json.stdout, schema: "script").isEmpty)
        }

        /// A script using what scriptor reads: comments, blank lines, APDUs with and without blanks,
        /// a continued APDU, reset, an exit inside a comment, and lines after it.
        static let scriptorScript = """
            # select the MF
            00 A4 00 0C 02 3F 00

            0084000008
            reset
            00 CA 00 6E 00
            00 B0 \\
            00 00 00
            # an exit in a comment stops scriptor
            00 84 00 00 08

            """

        @Test("script --scriptor prints, line for line, what scriptor prints on the same card",
              .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/scriptor"), "scriptor (pcsc-tools) is not installed"))
        func scriptorParity() throws {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("scard-scriptor-\(UUID().uuidString).apdu")
            try Self.scriptorScript.write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            let theirs = try ScardProcess.runExecutable(
                URL(fileURLWithPath: "/usr/bin/scriptor"), ["-r", "Virtual PCD 00 01", url.path])
            let ours = try ScardProcess.run(["script", "--scriptor", "--reader", "1", url.path])
            #expect(theirs.status == 0 && ours.status == 0, "\(theirs.stderr)\(ours.stderr)")
            let mask = { (line: String) -> String in
                // GET CHALLENGE answers 8 random bytes before 90 00.
                let words = line.split(separator: " ", omittingEmptySubsequences: false)
                guard words.count >= 12, words[0] == "<", words[9] == "90", words[10] == "00", words[11] == ":" else { return line }
                return "< <8 random bytes> " + words[9...].joined(separator: " ")
            }
            #expect(ours.lines.map(mask) == theirs.lines.map(mask))
            #expect(ours.lines.count == theirs.lines.count && ours.lines.count > 15)
            #expect(ours.lines.contains("< OK: 3B 95 13 81 01 80 73 FF 01 00 0B "))
            #expect(!ours.lines.contains("> 00 84 00 00 08"))
        }

        @Test("--scriptor refuses what scriptor could not send, and options it cannot honour")
        func scriptorRefusals() throws {
            let bad = try ScardProcess.run(["script", "--scriptor", "--reader", "0", "-"], stdin: "00 A4  00 0C\n")
            #expect(bad.status == 2)
            #expect(bad.stderr.hasPrefix("scard: standard input:1: '' is not two hex digits"))
            let json = try ScardProcess.run(["script", "--scriptor", "--json", "-"], stdin: "00 84 00 00 08\n")
            #expect(json.status == 2)
        }
    }
}
