import APDUScript
import Testing

@Suite("Response patterns")
struct ResponsePatternTests {
    @Test("a plain pattern is the whole response: status word alone means no data")
    func exact() throws {
        let pattern = try ResponsePattern(parsing: "90 00")
        #expect(pattern.matches([0x90, 0x00]))
        #expect(!pattern.matches([0x01, 0x90, 0x00]))
        #expect(!pattern.matches([0x6A, 0x82]))
        #expect(pattern.mismatch(in: [0x01, 0x90, 0x00]) == "the response has 3 byte(s), the pattern 2")
        #expect(pattern.mismatch(in: [0x6A, 0x82]) == "byte 1 of the response is 6A, expected 90")
    }

    @Test(".. matches any one byte")
    func anyByte() throws {
        let pattern = try ResponsePattern(parsing: "01 .. 03 61 ..")
        #expect(pattern.matches([0x01, 0xFF, 0x03, 0x61, 0x10]))
        #expect(!pattern.matches([0x01, 0xFF, 0x04, 0x61, 0x10]))
        #expect(!pattern.matches([0x01, 0xFF, 0x03, 0x61]))
    }

    @Test("* matches any number of bytes, none included, at the start or in the middle")
    func anyBytes() throws {
        let tail = try ResponsePattern(parsing: "* 90 00")
        #expect(tail.matches([0x90, 0x00]))
        #expect(tail.matches([0x6F, 0x10, 0x84, 0x90, 0x00]))
        #expect(!tail.matches([0x90]))
        #expect(tail.mismatch(in: [0x90]) == "the response has 1 byte(s), the pattern needs at least 2")
        let middle = try ResponsePattern(parsing: "6F..*9000")
        #expect(middle.description == "6F .. * 90 00")
        #expect(middle.matches([0x6F, 0x00, 0x90, 0x00]))
        #expect(middle.matches([0x6F, 0x12, 0x84, 0x01, 0x90, 0x00]))
        #expect(!middle.matches([0x6E, 0x12, 0x90, 0x00]))
        #expect(!middle.matches([0x6F, 0x90, 0x00]))
        #expect(middle.mismatch(in: [0x6F, 0x12, 0x84, 0x6A, 0x82]) == "byte 4 of the response is 6A, expected 90")
    }

    @Test("SW checks only the status word, whatever data comes before it")
    func statusWord() throws {
        let pattern = try ResponsePattern(parsing: "sw 61 ..")
        #expect(pattern.scope == .statusWord)
        #expect(pattern.description == "SW 61 ..")
        #expect(pattern.matches([0x61, 0x1C]))
        #expect(pattern.matches([0x01, 0x02, 0x61, 0x00]))
        #expect(!pattern.matches([0x90, 0x00]))
        #expect(!pattern.matches([0x61]))
        #expect(pattern.mismatch(in: [0x01, 0x90, 0x00]) == "byte 2 of the status word is 90, expected 61")
        #expect(pattern.mismatch(in: []) == "the response has 0 byte(s), no status word")
    }

    @Test("patterns built from elements follow the same rules")
    func elements() throws {
        let pattern = try ResponsePattern(scope: .response, elements: [.anyBytes, .byte(0x90), .anyByte])
        #expect(pattern.matches([0x01, 0x90, 0x01]))
        #expect(throws: ResponsePatternError.self) {
            try ResponsePattern(scope: .statusWord, elements: [.byte(0x90)])
        }
        #expect(throws: ResponsePatternError.self) {
            try ResponsePattern(scope: .response, elements: [.byte(0x90), .byte(0x00), .anyBytes])
        }
        #expect(throws: ResponsePatternError.self) { try ResponsePattern(parsing: "") }
        #expect(throws: ResponsePatternError.self) { try ResponsePattern(parsing: "90 0X") }
    }
}
