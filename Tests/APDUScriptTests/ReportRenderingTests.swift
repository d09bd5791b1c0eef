import APDUScript
import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

private let script = """
    00 A4 00 0C 02 3F 00
    # test: select
    00 A4 04 00 02 3F 00 => 90 00
    # test: read <binary> & "more"
    00 B0 00 00 10 => * 90 00
    # test: last
    00 84 00 00 08 => * 90 00
    """

/// Runs the collector over the script with scripted answers: the APDU on `failingLine` answers
/// 69 86; the run stops there unless `keepGoing`; `error` ends the run with a PC/SC error there.
private func collect(failingLine: Int?, keepGoing: Bool = false, error: ScriptTestProblem? = nil) throws -> ScriptTestSuite {
    let parsed = try APDUScript(parsing: script)
    var collector = ScriptTestCollector(script: parsed, name: "cards/applet.apdu", timestamp: Date(timeIntervalSince1970: 0))
    collector.connected(reader: "Virtual PCD 00 00", atr: [0x3B, 0x95])
    for line in parsed.lines {
        if let error, line.number == error.line { break }
        switch line.kind {
        case .testSection(let name):
            collector.record(.testSection(line: line.number, name: name))
        case .apdu(let bytes, let expectation):
            let fails = line.number == failingLine
            let response = fails ? "69 86" : "90 00"
            let command = bytes.map { String(format: "%02X", $0) }.joined(separator: " ")
            collector.recordExchange(
                line: line.number, command: command, response: response, seconds: 0.0015, expected: expectation?.description,
                met: expectation == nil ? nil : !fails, mismatch: fails ? "byte 1 of the response is 69, expected 90" : nil)
            if fails && !keepGoing { return collector.finish(error: nil, stoppedAtLine: line.number) }
        default:
            break
        }
    }
    return collector.finish(error: error, stoppedAtLine: nil)
}

@Suite("Test cases and JUnit/TAP rendering")
struct ReportRenderingTests {
    @Test("cases: setup before the first section, one per section; a stop skips the rest")
    func cases() throws {
        let suite = try collect(failingLine: 5)
        #expect(suite.cases.map(\.name) == ["setup", "select", "read <binary> & \"more\"", "last"])
        #expect(suite.cases.map(\.verdict) == [.passed, .passed, .failed, .skipped])
        #expect(suite.cases.map(\.exchanges) == [1, 1, 1, 0])
        #expect(suite.cases[2].failures == [ScriptTestProblem(
            line: 5, command: "00 B0 00 00 10", expected: "* 90 00", actual: "69 86",
            message: "line 5: expected * 90 00, got 69 86 (byte 1 of the response is 69, expected 90)")])
        #expect(suite.cases[3].skipped == "not run: the script stopped at the failed expectation on line 5")
        #expect(suite.count(.failed) == 1 && suite.count(.skipped) == 1)

        let keptGoing = try collect(failingLine: 5, keepGoing: true)
        #expect(keptGoing.cases.map(\.verdict) == [.passed, .passed, .failed, .passed])

        let error = ScriptTestProblem(line: 5, message: "line 5: the card was removed after 2 exchange(s)")
        let stopped = try collect(failingLine: nil, error: error)
        #expect(stopped.cases.map(\.verdict) == [.passed, .passed, .error, .skipped])
        #expect(stopped.cases[3].skipped == "not run: line 5: the card was removed after 2 exchange(s)")
    }

    @Test("a script without sections is one case named after it")
    func oneCase() throws {
        let parsed = try APDUScript(parsing: "00 84 00 00 08 => * 90 00\n")
        var collector = ScriptTestCollector(script: parsed, name: "plain.apdu")
        collector.recordExchange(line: 1, command: "00 84 00 00 08", response: "6D 00", seconds: 0, expected: "* 90 00", met: false, mismatch: nil)
        let suite = collector.finish(error: nil, stoppedAtLine: 1)
        #expect(suite.cases.map(\.name) == ["plain.apdu"])
        #expect(suite.cases.map(\.verdict) == [.failed])
    }

    @Test("JUnit: counts, attributes, escaping, failure text with line, expected and actual")
    func junit() throws {
        let failed = try collect(failingLine: 5)
        let xml = JUnitReport.render([failed], hostname: "ci")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"scard script\" tests=\"4\" failures=\"1\" errors=\"0\" time=\"0.005\">\n"))
        #expect(xml.contains("<testsuite name=\"cards/applet.apdu\" tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\" time=\"0.005\" timestamp=\"1970-01-01T00:00:00\" hostname=\"ci\" id=\"0\">"))
        #expect(xml.contains("<property name=\"atr\" value=\"3B 95\"/>"))
        #expect(xml.contains("<testcase name=\"select\" classname=\"applet\" time=\"0.002\"/>"))
        #expect(xml.contains("<testcase name=\"read &lt;binary&gt; &amp; &quot;more&quot;\" classname=\"applet\" time=\"0.002\">"))
        #expect(xml.contains("<failure message=\"line 5: expected * 90 00, got 69 86 (byte 1 of the response is 69, expected 90)\" type=\"ResponseMismatch\">"
            + "line 5: expected * 90 00, got 69 86 (byte 1 of the response is 69, expected 90)\n  command:  00 B0 00 00 10\n  expected: * 90 00\n  actual:   69 86</failure>"))
        #expect(xml.contains("<skipped message=\"not run: the script stopped at the failed expectation on line 5\"/>"))
        #expect(xml.hasSuffix("  </testsuite>\n</testsuites>\n"))

        // Python-free well-formedness check: Foundation's XML parser reads it back.
        let document = try XMLDocument(data: Data(xml.utf8))
        #expect(try document.nodes(forXPath: "//testcase").count == 4)
        #expect(try document.nodes(forXPath: "//testcase/failure").count == 1)

        let error = ScriptTestProblem(line: 5, message: "line 5: lost pcscd")
        let errored = JUnitReport.render([try collect(failingLine: nil, error: error)])
        #expect(errored.contains("<error message=\"line 5: lost pcscd\" type=\"PCSCError\">line 5: lost pcscd</error>"))
        #expect(errored.contains("errors=\"1\""))
    }

    @Test("JUnit: characters XML cannot hold are replaced, line breaks in attributes kept")
    func junitEscaping() throws {
        var suite = ScriptTestSuite(name: "odd\u{1}name.apdu", cases: [ScriptTestCase(name: "a\nb", line: 1)])
        suite.cases[0].skipped = "tab\there"
        let xml = JUnitReport.render([suite])
        #expect(xml.contains("name=\"odd\u{FFFD}name.apdu\""))
        #expect(xml.contains("<testcase name=\"a&#10;b\" classname=\"odd\u{FFFD}name\" time=\"0.000\">"))
        #expect(xml.contains("<skipped message=\"tab&#9;here\"/>"))
        #expect(try XMLDocument(data: Data(xml.utf8)).rootElement()?.name == "testsuites")
    }

    @Test("TAP: version, plan, ok / not ok / SKIP, YAML diagnostics, # escaped")
    func tap() throws {
        let first = try collect(failingLine: 5)
        var second = ScriptTestSuite(name: "other.apdu", cases: [ScriptTestCase(name: "hash # in name", line: 1)])
        second.cases[0].error = ScriptTestProblem(line: 1, message: "line 1: \"quoted\"\nnext")
        let tap = TAPReport.render([first, second])
        let lines = tap.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(5) == [
            "TAP version 13", "1..5", "ok 1 - cards/applet.apdu: setup", "ok 2 - cards/applet.apdu: select",
            "not ok 3 - cards/applet.apdu: read <binary> & \"more\"",
        ])
        #expect(tap.contains("""
              ---
              message: "line 5: expected * 90 00, got 69 86 (byte 1 of the response is 69, expected 90)"
              severity: fail
              script: "cards/applet.apdu"
              reader: "Virtual PCD 00 00"
              problems:
                - line: 5
                  command: "00 B0 00 00 10"
                  expected: "* 90 00"
                  actual: "69 86"
            """))
        #expect(tap.contains("ok 4 - cards/applet.apdu: last # SKIP not run: the script stopped at the failed expectation on line 5\n"))
        #expect(tap.contains("not ok 5 - other.apdu: hash \\# in name\n  ---\n  message: \"line 1: \\\"quoted\\\"\\nnext\"\n  severity: error\n"))
        #expect(tap.hasSuffix("  ...\n"))
        #expect(TAPReport.render([first]).contains("ok 2 - select\n"))
    }
}
