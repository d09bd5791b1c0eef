import Foundation
import TestSupport
import Testing

/// A script file shipped with the integration tests.
func scriptPath(_ name: String) -> String {
    ScardProcess.projectRoot.appendingPathComponent("Tests/IntegrationTests/Scripts/\(name)").path
}

extension VirtualReaderTests {
    @Suite("scard script against pcscd")
    struct ScriptTests {
        @Test("a scriptor script runs unchanged; reset reconnects; exit stops")
        func scriptorScript() throws {
            let result = try ScardProcess.run(["script", scriptPath("scriptor-style.apdu")])
            #expect(result.status == 0)
            let lines = result.lines
            #expect(lines.filter { $0.hasPrefix("> ") }.count == 5)
            #expect(lines[1] == "< 90 00 : normal processing")
            #expect(lines.contains("> reset"))
            #expect(lines.contains("< 6A 81 : function not supported"))
            #expect(!lines.contains("> 00 B0 00 00 00"))
        }

        @Test("expectations that hold exit 0; echo prints; test sections are shown")
        func expectationsPass() throws {
            let result = try ScardProcess.run(["script", scriptPath("expectations.apdu")])
            #expect(result.status == 0)
            #expect(result.lines.contains("eight random bytes"))
            #expect(result.lines.contains("# test: challenge"))
        }

        @Test("a failed expectation stops with the line, expected and actual; exit 1")
        func expectationFails() throws {
            let result = try ScardProcess.run(["script", scriptPath("failing.apdu")])
            #expect(result.status == 1)
            #expect(result.stdout.contains("! line 2: expected 90 00, got 69 86"))
            #expect(result.lines.filter { $0.hasPrefix("> ") }.count == 2)
            #expect(result.stderr == "scard: line 2: response did not match the expectation\n")
        }

        @Test("--keep-going runs every line and counts the failures")
        func keepGoing() throws {
            let result = try ScardProcess.run(["script", "--keep-going", scriptPath("failing.apdu")])
            #expect(result.status == 1)
            #expect(result.lines.filter { $0.hasPrefix("> ") }.count == 4)
            #expect(result.stderr.contains("2 expectation(s) failed, at line(s) 2, 4"))
        }

        @Test("--json gives one parseable object per exchange and a summary")
        func json() throws {
            let result = try ScardProcess.run(["script", "--json", "--keep-going", scriptPath("failing.apdu")])
            #expect(result.status == 1)
            let objects = try result.lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            #expect(objects.count == 6)
            #expect(objects[0]["line"] as? Int == 1)
            #expect(objects[0]["sw"] as? String == "9000")
            #expect(objects[0]["meaning"] as? String == "normal processing")
            #expect(objects[1]["met"] as? Bool == false)
            #expect(objects[0]["seconds"] is Double)
            #expect(objects[4]["type"] as? String == "summary")
            #expect(objects[4]["failureCount"] as? Int == 2)
            #expect(objects[5]["type"] as? String == "error")
            #expect(objects[5]["exitCode"] as? Int == 1)
        }

        @Test("a script from standard input, with --timing")
        func standardInput() throws {
            let result = try ScardProcess.run(["script", "--timing", "-"], stdin: "00 84 00 00 08 => * 90 00\n")
            #expect(result.status == 0)
            #expect(result.lines.count == 2)
            #expect(result.lines[1].hasSuffix(" ms]"))
        }

        @Test("--all-readers runs on both virtual readers and sums up")
        func allReaders() throws {
            let result = try ScardProcess.run(["script", "--all-readers", scriptPath("expectations.apdu")])
            #expect(result.status == 0)
            #expect(result.lines.filter { $0.hasPrefix("[Virtual PCD 00 00] > ") }.count == 4)
            #expect(result.lines.filter { $0.hasPrefix("[Virtual PCD 00 01] > ") }.count == 4)
            #expect(result.stdout.contains("  Virtual PCD 00 00: 4 exchange(s), 0 failure(s), ok"))
            #expect(result.stdout.contains("  Virtual PCD 00 01: 4 exchange(s), 0 failure(s), ok"))
        }

        @Test("--trace ends with a ledger of 0 live resources")
        func trace() throws {
            let result = try ScardProcess.run(["script", "--trace", scriptPath("expectations.apdu")])
            #expect(result.status == 0)
            #expect(result.stderr.contains("trace: SCardTransmit("))
            #expect(result.stderr.hasSuffix("  live: 0\n"))
        }

        @Test("a syntax error names file, line and column and runs nothing")
        func syntaxError() throws {
            let result = try ScardProcess.run(["script", "-"], stdin: "00 84 00 00 08\n00 84 0\n")
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("scard: <stdin>:2:"))
        }

        @Test("a missing file is a usage error")
        func missingFile() throws {
            let result = try ScardProcess.run(["script", "/nonexistent/script.apdu"])
            #expect(result.status == 2)
            #expect(result.stderr == "scard: /nonexistent/script.apdu: cannot read the file (No such file or directory)\n")
        }

        @Test("the card removed midway: lines done are reported, the error names the line, exit 5", VirtualReader.destructive)
        func cardRemovedMidway() throws {
            let text = String(repeating: "00 84 00 00 08\ndelay 5ms\n", count: 400)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("scard-slow-\(getpid()).apdu").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let run = try ScardProcess.start(["script", "-r", "1", path])
            Thread.sleep(forTimeInterval: 0.8)
            try VirtualReader.control("card-remove", "1")
            defer { _ = try? VirtualReader.control("card-insert", "1") }
            let result = try run.wait()
            #expect(result.status == 5)
            let done = result.lines.filter { $0.hasPrefix("< ") }.count
            #expect(done > 0)
            #expect(result.stderr.contains("the card was removed after \(done) exchange(s)"))
            #expect(result.stderr.hasPrefix("scard: line \(2 * done + 1): "))
        }

        @Test("Ctrl-C midway: lines done are reported, the line is named, the card released, exit 130")
        func interruptedMidway() throws {
            let text = "00 84 00 00 08\n00 84 00 00 08\ndelay 20s\n00 84 00 00 08\n"
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("scard-interrupted-\(getpid()).apdu").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let run = try ScardProcess.start(["script", "--trace", "-r", "0", path])
            Thread.sleep(forTimeInterval: 0.8)
            run.signal(SIGINT)
            let result = try run.wait(timeout: 10)
            #expect(result.status == 130)
            #expect(result.lines.filter { $0.hasPrefix("< ") }.count == 2)
            #expect(result.stderr.contains("scard: line 3: interrupted after 2 exchange(s)"))
            #expect(result.stderr.contains("trace: SCardReleaseContext("))
            #expect(result.stderr.contains("  live: 0"))
        }

        @Test("pcscd stopped midway: lines done are reported, exit 6", VirtualReader.destructive)
        func pcscdStoppedMidway() throws {
            let text = String(repeating: "00 84 00 00 08\ndelay 5ms\n", count: 400)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("scard-slow2-\(getpid()).apdu").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let run = try ScardProcess.start(["script", "-r", "0", path])
            Thread.sleep(forTimeInterval: 0.8)
            try VirtualReader.control("pcscd-stop")
            defer { _ = try? VirtualReader.control("pcscd-start") }
            let result = try run.wait()
            #expect(result.status == 6)
            let done = result.lines.filter { $0.hasPrefix("< ") }.count
            #expect(done > 0)
            #expect(result.stderr.contains("lost pcscd after \(done) exchange(s)"))
        }
    }
}
