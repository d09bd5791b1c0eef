import APDUScript
import Testing

@Suite("transaction begin / transaction end blocks in scripts")
struct TransactionDirectiveTests {
    /// The first diagnostic of a script that must not parse.
    func error(_ text: String) -> ScriptDiagnostic? {
        do {
            _ = try APDUScript(parsing: text)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test("a block parses into begin and end lines around its lines, in any case, with comments")
    func block() throws {
        let script = try APDUScript(parsing: """
            00 A4 00 0C 02 3F 00
            transaction begin   # hold the card
              00 DA 00 00 01 07
              00 CA 02 00 01 => 07 90 00
            TRANSACTION End
            transaction begin
            transaction end
            """)
        #expect(script.lines.map(\.kind) == [
            .apdu(bytes: [0x00, 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00], expectation: nil),
            .beginTransaction,
            .apdu(bytes: [0x00, 0xDA, 0x00, 0x00, 0x01, 0x07], expectation: nil),
            .apdu(bytes: [0x00, 0xCA, 0x02, 0x00, 0x01], expectation: try ResponsePattern(parsing: "07 90 00")),
            .endTransaction,
            .beginTransaction,
            .endTransaction,
        ])
        #expect(script.lines.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        #expect(script.lines[1].text == "transaction begin   # hold the card")
    }

    @Test("reset, delay and echo may stand inside a block")
    func insideBlock() throws {
        let script = try APDUScript(parsing: "transaction begin\nreset\ndelay 1ms\necho hi\ntransaction end\n")
        #expect(script.lines.map(\.kind) == [.beginTransaction, .reset, .delay(milliseconds: 1), .echo("hi"), .endTransaction])
    }

    @Test("an end without a begin names its own line")
    func endWithoutBegin() {
        let found = error("00 84 00 00 08\n  transaction end\n")
        #expect(found == ScriptDiagnostic(line: 2, column: 3, message: "transaction end without a transaction begin before it"))
    }

    @Test("a begin that is never ended names the begin's line")
    func beginWithoutEnd() {
        let found = error("echo start\ntransaction begin\n00 84 00 00 08\n")
        #expect(found == ScriptDiagnostic(line: 2, column: 1, message: "transaction begin has no transaction end"))
    }

    @Test("a block still open at exit names the begin's line and the exit's")
    func openAtExit() {
        let found = error("transaction begin\n00 84 00 00 08\nexit\ntransaction end\n")
        #expect(found == ScriptDiagnostic(
            line: 1, column: 1, message: "transaction begin has no transaction end before exit at line 3"))
    }

    @Test("blocks do not nest: the inner begin names the outer one's line")
    func nested() throws {
        let text = "transaction begin\n00 84 00 00 08\ntransaction begin\ntransaction end\n"
        let found = error(text)
        #expect(found == ScriptDiagnostic(
            line: 3, column: 1, message: "transaction begin inside the block begun at line 1: transactions do not nest"))
        do {
            _ = try APDUScript(parsing: text)
        } catch {
            #expect(error.diagnostics.count == 1, "the end closes the outer block: \(error)")
        }
    }

    @Test("the directive needs exactly begin or end")
    func words() {
        #expect(error("transaction") == ScriptDiagnostic(
            line: 1, column: 1,
            message: "transaction needs begin or end: a block is transaction begin ... transaction end"))
        #expect(error("transaction start") == ScriptDiagnostic(
            line: 1, column: 13,
            message: "'start' is not begin or end: a block is transaction begin ... transaction end"))
        #expect(error("transaction begin now\ntransaction end") == ScriptDiagnostic(
            line: 1, column: 19, message: "'transaction begin' takes nothing after it, found 'now'"))
    }

    @Test("an open block reported at the end still comes in line order with the other problems")
    func lineOrder() {
        do {
            _ = try APDUScript(parsing: "transaction begin\n00 A4 0G 00\n")
            Issue.record("parsed")
        } catch {
            #expect(error.diagnostics.map(\.line) == [1, 2])
        }
    }
}
