import APDUScript
import Testing

@Suite("APDU script syntax errors name the line and column")
struct ScriptSyntaxErrorTests {
    /// A malformed line, and where and what the error must say.
    struct Case: Sendable, CustomStringConvertible {
        let text: String
        let line: Int
        let column: Int
        let message: String
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "00 A4 04 0", line: 1, column: 10, message: "odd number of hex digits in '0'"),
        Case(text: "00 A4 0G 00", line: 1, column: 8, message: "'G' is not a hex digit in '0G'"),
        Case(text: "  00A40400ZZ", line: 1, column: 11, message: "'Z' is not a hex digit"),
        Case(text: "00 A4", line: 1, column: 1, message: "an APDU needs at least 4 bytes (CLA INS P1 P2), this one has 2"),
        Case(text: "00 A4 04 00 05 3F 00", line: 1, column: 1, message: "Lc = 05 announces 5 data byte(s), but 2 byte(s) follow Lc"),
        Case(text: "\n00 10 00 00 00 00", line: 2, column: 1, message: "byte 5 = 00 announces extended lengths"),
        Case(text: "00 10 00 00 00 00 02 01", line: 1, column: 1, message: "extended Lc = 2 announces 2 data byte(s), but 1 byte(s) follow"),
        Case(text: "00 10 00 00 00 00 00 01", line: 1, column: 1, message: "extended Lc = 00 00 cannot be followed by data"),
        Case(text: "\\", line: 1, column: 1, message: "the APDU ends with '\\' but no line follows"),
        Case(text: "00 A4 \\\nreset", line: 1, column: 1, message: "line 2 is not hex bytes to continue it"),
        Case(text: "=> 90 00", line: 1, column: 1, message: "an expected response needs an APDU before '=>'"),
        Case(text: "00 B0 00 00 00 =>", line: 1, column: 18, message: "no expected response after '=>'"),
        Case(text: "00 B0 00 00 00 => 90", line: 1, column: 21, message: "ends with the 2 status word bytes"),
        Case(text: "00 B0 00 00 00 => 90 00 *", line: 1, column: 25, message: "ends with the 2 status word bytes"),
        Case(text: "00 B0 00 00 00 => * 01 * 90 00", line: 1, column: 24, message: "only one '*' is allowed"),
        Case(text: "00 B0 00 00 00 => 9X 00", line: 1, column: 20, message: "'X' in '9X' is not a hex digit (or '..' for any byte)"),
        Case(text: "00 B0 00 00 00 => 900", line: 1, column: 21, message: "incomplete byte '0' in '900'"),
        Case(text: "00 B0 00 00 00 => 90 00*", line: 1, column: 24, message: "ends with the 2 status word bytes"),
        Case(text: "00 B0 00 00 00 => 9*00", line: 1, column: 19, message: "incomplete byte '9' in '9*00'"),
        Case(text: "00 B0 00 00 00 => SW 90", line: 1, column: 24, message: "a status word is 2 bytes (SW1 SW2), found 1"),
        Case(text: "00 B0 00 00 00 => SW 90 00 00", line: 1, column: 28, message: "a status word is 2 bytes (SW1 SW2), found 3"),
        Case(text: "00 B0 00 00 00 => SW * 90 00", line: 1, column: 22, message: "'*' cannot be used in a status word"),
        Case(text: "00 B0 00 00 00 => 90 00 \\", line: 1, column: 25, message: "cannot continue with '\\'"),
        Case(text: "select 3F00", line: 1, column: 1, message: "unknown command 'select'"),
        Case(text: "reset now", line: 1, column: 7, message: "'reset' takes nothing after it, found 'now'"),
        Case(text: "exit 0", line: 1, column: 6, message: "'exit' takes nothing after it"),
        Case(text: "delay", line: 1, column: 1, message: "delay needs a duration"),
        Case(text: "delay 100", line: 1, column: 7, message: "'100' is not a duration"),
        Case(text: "delay 1.5s", line: 1, column: 7, message: "'1.5s' is not a duration"),
        Case(text: "delay 10 ms now", line: 1, column: 13, message: "unexpected 'now' after the delay"),
        Case(text: "delay 3601s", line: 1, column: 7, message: "a delay is at most one hour"),
        Case(text: "delay 99999999999ms", line: 1, column: 7, message: "a delay is at most one hour"),
        Case(text: "# test:", line: 1, column: 3, message: "a test section needs a name"),
    ]

    @Test("every malformed line gets an error with its line and column", arguments: cases)
    func malformed(_ example: Case) {
        do {
            let script = try APDUScript(parsing: example.text)
            Issue.record("parsed: \(script.lines)")
        } catch {
            #expect(error.diagnostics.count == 1, "\(error.diagnostics)")
            #expect(error.line == example.line)
            #expect(error.column == example.column)
            #expect(error.message.contains(example.message), "\(error.message)")
        }
    }

    @Test("every malformed line of a script is reported, in line order, and nothing runs")
    func allErrors() {
        let text = """
            reset
            00 A4 04 0
            00 B0 00 00 00 => 90
            echo this line is fine
            frobnicate
            delay soon
            00 84 00 00 08
            """
        #expect(throws: ScriptSyntaxError.self) { try APDUScript(parsing: text) }
        do {
            _ = try APDUScript(parsing: text)
        } catch {
            #expect(error.diagnostics.map(\.line) == [2, 3, 5, 6])
            #expect(error.description.split(separator: "\n").count == 4)
            #expect(error.description.hasPrefix("2:10: odd number of hex digits in '0'"))
        }
    }

    @Test("an APDU over 65,544 bytes is an error even when the structure check is off")
    func tooLong() {
        let data = String(repeating: "00", count: 65_541)
        do {
            _ = try APDUScript(parsing: "00 D6 00 00 \(data)", checkingAPDUStructure: false)
            Issue.record("parsed")
        } catch {
            #expect(error.message == "an APDU has at most 65544 bytes, this one has 65545")
            #expect(error.line == 1 && error.column == 1)
        }
    }

    @Test("ScriptDiagnostic reads LINE:COLUMN: MESSAGE")
    func diagnosticText() {
        #expect(ScriptDiagnostic(line: 3, column: 7, message: "bad").description == "3:7: bad")
    }
}

@Suite("The errors documented in Docs/scripts.md")
struct DocumentedScriptErrorTests {
    static let documented: [(String, String)] = [
        ("00 A4 04 0", "1:10: odd number of hex digits in '0': each byte needs two digits"),
        ("00 A4 0G 00", "1:8: 'G' is not a hex digit in '0G'"),
        ("00 A4", "1:1: an APDU needs at least 4 bytes (CLA INS P1 P2), this one has 2"),
        ("00 A4 04 00 05 3F 00",
         "1:1: Lc = 05 announces 5 data byte(s), but 2 byte(s) follow Lc (case 3 needs 5, case 4 needs 6 with Le)"),
        ("00 10 00 00 00 00", "1:1: byte 5 = 00 announces extended lengths, which need 7 bytes or more, this APDU has 6"),
        ("00 B0 00 00 00 => 90",
         "1:21: a response pattern ends with the 2 status word bytes (.. for any byte), e.g. => 90 00"),
        ("00 B0 00 00 00 => SW * 90 00", "1:22: '*' cannot be used in a status word"),
        ("=> 90 00", "1:1: an expected response needs an APDU before '=>'"),
        ("select 3F00",
         "1:1: unknown command 'select': a line is hex bytes, reset, exit, echo TEXT, delay TIME, "
             + "transaction begin|end or a # comment"),
        ("reset now", "1:7: 'reset' takes nothing after it, found 'now'"),
        ("delay 100", "1:7: '100' is not a duration: a delay is a whole number with ms or s, e.g. delay 100ms or delay 2s"),
        ("# test:", "1:3: a test section needs a name: # test: NAME"),
        ("00 A4 \\", "1:1: the APDU ends with '\\' but no line follows to continue it"),
        ("transaction begin\n00 84 00 00 08", "1:1: transaction begin has no transaction end"),
        ("transaction end", "1:1: transaction end without a transaction begin before it"),
        ("transaction begin\ntransaction begin\ntransaction end",
         "2:1: transaction begin inside the block begun at line 1: transactions do not nest"),
        ("transaction start", "1:13: 'start' is not begin or end: a block is transaction begin ... transaction end"),
    ]

    @Test("each documented line gives exactly the documented error")
    func documented() {
        for (text, expected) in Self.documented {
            do {
                _ = try APDUScript(parsing: text)
                Issue.record("parsed: \(text)")
            } catch {
                #expect(error.description == expected, "\(text)")
            }
        }
    }
}

@Suite("Script parser robustness")
struct ScriptParserRobustnessTests {
    @Test("random text never traps: it parses or reports diagnostics with valid positions")
    func randomText() {
        let pieces = ["00", "A4", "0", "G", " ", "\t", "\n", "\r\n", "#", "=>", "..", "*", "SW", "\\", "reset",
                      "exit", "echo", "delay", "ms", "s", "test:", "é", "9000", "05", "FF"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            let text = (0..<Int.random(in: 0...30, using: &generator))
                .map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            do {
                _ = try APDUScript(parsing: text)
            } catch {
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 }, "\(text)")
            }
        }
    }
}
