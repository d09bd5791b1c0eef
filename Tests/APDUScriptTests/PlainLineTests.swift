@testable import APDUScriptSyntax
import APDUScript
import Testing
import TestSupport

@Suite("Plain hex lines read straight from UTF-8")
struct PlainLineTests {
    /// A random line of whole hex bytes, in random case, with random blanks around and between bytes.
    func randomLine(_ generator: inout SplitMix64) -> (text: String, bytes: [UInt8]) {
        let blanks = ["", " ", "  ", "\t", " \t "]
        let count = Int.random(in: 4...40, using: &generator)
        var bytes = [UInt8](repeating: 0, count: count)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        var text = blanks.randomElement(using: &generator)!
        for (index, byte) in bytes.enumerated() {
            if index > 0 { text += Bool.random(using: &generator) ? "" : blanks.randomElement(using: &generator)! + " " }
            let pair = String(byte, radix: 16)
            let digits = pair.count == 1 ? "0" + pair : pair
            text += Bool.random(using: &generator) ? digits.uppercased() : digits
        }
        return (text + blanks.randomElement(using: &generator)!, bytes)
    }

    @Test("a plain line parses exactly as the same line does through the full reader")
    func sameAsFullReader() throws {
        var generator = SplitMix64(seed: 0x5C4_7D)
        for _ in 0..<500 {
            let lines = (0..<5).map { _ in randomLine(&generator) }
            let plain = try APDUScript(parsing: lines.map(\.text).joined(separator: "\n"), checkingAPDUStructure: false)
            let full = try APDUScript(
                parsing: lines.map { $0.text + " # forces the full reader" }.joined(separator: "\n"), checkingAPDUStructure: false)
            #expect(plain == full)
            #expect(plain.lines.map(\.kind) == lines.map { ScriptLine.Kind.apdu(bytes: $0.bytes, expectation: nil) })
        }
    }

    @Test("bytes, text and line numbers of plain lines")
    func plainLines() throws {
        let script = try APDUScript(parsing: "  00 a4 04 00\t\n\n00B0000008  \n")
        #expect(script.lines == [
            ScriptLine(number: 1, text: "00 a4 04 00", kind: .apdu(bytes: [0x00, 0xA4, 0x04, 0x00], expectation: nil)),
            ScriptLine(number: 3, text: "00B0000008", kind: .apdu(bytes: [0x00, 0xB0, 0x00, 0x00, 0x08], expectation: nil)),
        ])
    }

    @Test("a plain line is still checked: odd digits, structure and length give the same located errors")
    func plainLinesChecked() {
        #expect(throws: ScriptSyntaxError.self) { try APDUScript(parsing: "00 a4 0 00") }
        do {
            _ = try APDUScript(parsing: "00 B0\n  00 A4 04 00 02 3F")
            Issue.record("a case 3 APDU with too few data bytes parsed")
        } catch {
            #expect(error.diagnostics.map(\.line) == [1, 2])
            #expect(error.diagnostics.map(\.column) == [1, 3])
        }
    }

    /// The lines of a text, as the parser's `lineRanges` splits them.
    func physicalLines(_ text: String) -> [String] {
        var storage = text
        return storage.withUTF8 { utf8 in
            ScriptParser.lineRanges(utf8).map { String(decoding: UnsafeBufferPointer(rebasing: utf8[$0]), as: UTF8.self) }
        }
    }

    @Test("line breaks: \\n, \\r\\n and \\r each end a line; a final break ends with an empty line")
    func physicalLines() {
        #expect(physicalLines("a\nb\r\nc\rd") == ["a", "b", "c", "d"])
        #expect(physicalLines("a\n") == ["a", ""])
        #expect(physicalLines("") == [""])
        #expect(physicalLines("\r\n\r\n") == ["", "", ""])
        #expect(physicalLines("é\u{301}\nx") == ["é\u{301}", "x"])
    }
}
