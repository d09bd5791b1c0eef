import Foundation
import TestSupport
import Testing

/// Runs a checker of the integration scripts folder (python3 or perl) on `input`.
func runChecker(_ interpreter: String, _ script: String, input: String) throws -> ScardProcess.Result {
    try ScardProcess.runExecutable(URL(fileURLWithPath: interpreter), [scriptPath(script)], stdin: input)
}

extension VirtualReaderTests {
    @Suite("scard script --report junit|tap")
    struct ReportTests {
        static let passing = """
            # test: select MF
            00 A4 00 0C 02 3F 00 => 90 00
            # test: challenge
            00 84 00 00 08 => * 90 00

            """
        static let failing = """
            echo setting up
            00 A4 00 0C 02 3F 00
            # test: read a missing file
            00 B0 00 00 10 => * 90 00
            # test: never reached
            00 84 00 00 08 => * 90 00

            """

        /// Writes the two scripts into `folder` and returns their paths.
        func scripts(in folder: URL) throws -> (passing: String, failing: String) {
            let passing = folder.appendingPathComponent("passing.apdu")
            let failing = folder.appendingPathComponent("failing.apdu")
            try Data(Self.passing.utf8).write(to: passing)
            try Data(Self.failing.utf8).write(to: failing)
            return (passing.path, failing.path)
        }

        @Test("JUnit XML validates against the JUnit schema; failures carry line, expected and actual")
        func junit() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let (passing, failing) = try scripts(in: folder)
            let run = try ScardProcess.run(["script", "--reader", "0", "--report", "junit", passing, failing])
            #expect(run.status == 1)
            #expect(run.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "))
            #expect(run.stderr.contains("failing.apdu: line 4: response did not match the expectation"))
            let checked = try runChecker("/usr/bin/python3", "validate_junit.py", input: run.stdout)
            #expect(checked.status == 0, "\(checked.stdout) \(checked.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any])
            #expect(report["valid"] as? Bool == true)
            let suites = try #require(report["suites"] as? [[String: Any]])
            try #require(suites.count == 2)
            #expect(suites.map { $0["name"] as? String } == [passing, failing])
            #expect((suites[0]["properties"] as? [String: String])?["reader"] == "Virtual PCD 00 00")
            let first = try #require(suites[0]["cases"] as? [[String: Any]])
            #expect(first.map { $0["name"] as? String } == ["select MF", "challenge"])
            #expect(first.map { $0["verdict"] as? String } == ["passed", "passed"])
            #expect(first.map { $0["classname"] as? String } == ["passing", "passing"])
            let second = try #require(suites[1]["cases"] as? [[String: Any]])
            try #require(second.count == 3)
            #expect(second.map { $0["name"] as? String } == ["setup", "read a missing file", "never reached"])
            #expect(second.map { $0["verdict"] as? String } == ["passed", "failure", "skipped"])
            let message = try #require(second[1]["message"] as? String)
            #expect(message.hasPrefix("line 4: expected * 90 00, got 69 86"))
            let text = try #require(second[1]["text"] as? String)
            #expect(text.contains("  command:  00 B0 00 00 10\n  expected: * 90 00\n  actual:   69 86"))
            #expect(second[2]["message"] as? String == "not run: the script stopped at the failed expectation on line 4")
        }

        @Test("TAP parses with Perl's TAP::Parser: a plan, ok, not ok with YAML diagnostics, SKIP")
        func tap() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let (passing, failing) = try scripts(in: folder)
            let run = try ScardProcess.run(["script", "--report", "tap", passing, failing])
            #expect(run.status == 1)
            #expect(run.stdout.contains("not ok 4 - \(failing): read a missing file\n  ---\n"))
            #expect(run.stdout.contains("    - line: 4\n      command: \"00 B0 00 00 10\"\n      expected: \"* 90 00\"\n      actual: \"69 86\"\n"))
            let parsed = try runChecker("/usr/bin/perl", "parse_tap.pl", input: run.stdout)
            #expect(parsed.status == 0, "\(parsed.stderr)")
            #expect(parsed.lines == [
                "1\tok\t\t- \(passing): select MF",
                "2\tok\t\t- \(passing): challenge",
                "3\tok\t\t- \(failing): setup",
                "4\tnot ok\t\t- \(failing): read a missing file",
                "5\tok\tskip\t- \(failing): never reached",
                "planned 5",
                "version 13",
                "parse_errors 0",
            ])
        }

        @Test("--report-file keeps the usual output; --keep-going runs every case; a missing card is an error case", VirtualReader.destructive)
        func reportFileAndErrors() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let (_, failing) = try scripts(in: folder)
            let path = folder.appendingPathComponent("junit.xml").path
            let run = try ScardProcess.run(["script", "--keep-going", "--report", "junit", "--report-file", path, failing])
            #expect(run.status == 1)
            #expect(run.lines.first == "setting up")
            #expect(run.stdout.contains("! line 4: expected * 90 00, got 69 86"))
            let xml = try String(contentsOfFile: path, encoding: .utf8)
            let checked = try runChecker("/usr/bin/python3", "validate_junit.py", input: xml)
            #expect(checked.status == 0, "\(checked.stdout)")
            #expect(xml.contains("<testcase name=\"never reached\" classname=\"failing\""))
            #expect(!xml.contains("<skipped"))

            try VirtualReader.withCardRemoved(1) {
                let noCard = try ScardProcess.run(["script", "--reader", "1", "--report", "junit", failing])
                #expect(noCard.status == 4)
                let validated = try runChecker("/usr/bin/python3", "validate_junit.py", input: noCard.stdout)
                #expect(validated.status == 0, "\(validated.stdout)")
                let report = try #require(try JSONSerialization.jsonObject(with: Data(validated.stdout.utf8)) as? [String: Any])
                let cases = try #require((report["suites"] as? [[String: Any]])?.first?["cases"] as? [[String: Any]])
                try #require(cases.count == 3)
                #expect(cases.map { $0["verdict"] as? String } == ["error", "skipped", "skipped"])
                #expect((cases[0]["message"] as? String)?.hasPrefix("no card in reader 'Virtual PCD 00 01'") == true)
            }
        }

        @Test("usage errors: --report-file without --report, --report with --json on standard output")
        func usage() throws {
            let noReport = try ScardProcess.run(["script", "--report-file", "/tmp/x.xml", "-"], stdin: "00 84 00 00 08\n")
            #expect(noReport.status == 2)
            #expect(noReport.stderr.contains("--report-file goes with --report junit|tap"))
            let json = try ScardProcess.run(["script", "--report", "tap", "--json", "-"], stdin: "00 84 00 00 08\n")
            #expect(json.status == 2)
            let format = try ScardProcess.run(["script", "--report", "xml", "-"], stdin: "00 84 00 00 08\n")
            #expect(format.status == 2)
        }
    }
}
