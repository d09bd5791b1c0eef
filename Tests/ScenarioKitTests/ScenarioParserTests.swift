import ScenarioKit
import Testing

@Suite("Scenario grammar")
struct ScenarioParserTests {
    func call(_ text: String) throws -> ScenarioCall {
        let scenario = try Scenario(parsing: text)
        let line = try #require(scenario.lines.first)
        guard case .call(let call) = line.content else {
            Issue.record("not a call: \(text)")
            throw ScenarioSyntaxError(line: 0, column: 0, message: "not a call")
        }
        return call
    }

    @Test("a call with a binding, arguments of every kind, and an expectation")
    func fullCall() throws {
        let parsed = try call(#"prov = CryptAcquireContext "kc1" NULL PROV_RSA_FULL CRYPT_NEWKEYSET|0x40 => TRUE"#)
        #expect(parsed.bindings == ["prov"])
        #expect(parsed.function == "CryptAcquireContext")
        #expect(parsed.functionColumn == 8)
        #expect(parsed.arguments.map(\.value) == [
            .bytes(Array("kc1".utf8)), .null, .symbol("PROV_RSA_FULL"),
            .union([.symbol("CRYPT_NEWKEYSET"), .number(0x40)]),
        ])
        #expect(parsed.arguments.map(\.column) == [28, 34, 39, 53])
        #expect(parsed.expectation?.words == ["TRUE"])
    }

    @Test("two bindings, numbers, ~0 and raw bytes")
    func values() throws {
        let parsed = try call(#"ctx, old = FltSetStreamContext s1 2 ~0 x"0a 0B" 17 0"#)
        #expect(parsed.bindings == ["ctx", "old"])
        #expect(parsed.arguments.map(\.value) == [.symbol("s1"), .number(2), .allOnes, .bytes([0x0A, 0x0B]), .number(17), .number(0)])
    }

    @Test("string escapes")
    func escapes() throws {
        let parsed = try call(#"CryptHashData h "a\"b\\c\n\x41\0" 0"#)
        #expect(parsed.arguments[1].value == .bytes([0x61, 0x22, 0x62, 0x5C, 0x63, 0x0A, 0x41, 0x00]))
    }

    @Test("expectation words, hex output joined")
    func expectation() throws {
        let parsed = try call("CryptGetHashParam hash HP_HASHVAL 0 => TRUE ba78 16 BF")
        let expectation = try #require(parsed.expectation)
        #expect(expectation.returnWord == "TRUE")
        #expect(expectation.hexWords(from: 1) == "ba7816bf")
        #expect(expectation.hexWords(from: 4) == nil)
    }

    @Test("comments, blank lines and directives")
    func directivesAndComments() throws {
        let scenario = try Scenario(parsing: """
            # a comment

              @irql DISPATCH_LEVEL   # trailing comment
            @volume "C:" => STATUS_SUCCESS
            CryptReleaseContext prov 0 # why
            """)
        #expect(scenario.lines.map(\.number) == [3, 4, 5])
        guard case .directive(let irql) = scenario.lines[0].content,
            case .directive(let volume) = scenario.lines[1].content
        else {
            Issue.record("expected directives")
            return
        }
        #expect(irql.name == "irql")
        #expect(irql.words == ["DISPATCH_LEVEL"])
        #expect(volume.words == ["C:"])
        #expect(volume.expectation?.words == ["STATUS_SUCCESS"])
        #expect(scenario.lines[2].text == "CryptReleaseContext prov 0")
    }

    @Test("syntax errors name line and column", arguments: [
        ("\n\nCryptHashData h \"abc", 3, 17, "unterminated string"),
        ("a, = F", 1, 4, "expected a name after ','"),
        ("F 12abc", 1, 5, "'a' is not a decimal digit"),
        ("F 0x", 1, 3, "expected hex digits after 0x"),
        ("F ~1", 1, 4, "only ~0 is allowed after '~'"),
        ("F x\"0a0\"", 1, 3, "odd number of hex digits in byte string"),
        ("F 1 =>", 1, 5, "expected a result after '=>'"),
        ("@ irql", 1, 2, "expected a directive name after '@'"),
        ("= F", 1, 1, "expected a function name, found '='"),
        ("F 99999999999999999999", 1, 3, "number too large"),
        ("F \"\\q\"", 1, 3, "unknown escape '\\q'"),
    ] as [(String, Int, Int, String)])
    func syntaxErrors(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        #expect(throws: ScenarioSyntaxError(line: line, column: column, message: message)) {
            try Scenario(parsing: text)
        }
    }

    @Test("constants resolve names, unions, widths and bound names")
    func constants() throws {
        let constants = ScenarioConstants([("A", 1), ("B", 4)])
        let union = ScenarioArgument(value: .union([.symbol("A"), .symbol("B"), .number(8)]), column: 1)
        #expect(try constants.integer(union) == 13)
        #expect(try constants.integer(ScenarioArgument(value: .allOnes, column: 1)) == 0xFFFF_FFFF)
        #expect(try constants.integer(ScenarioArgument(value: .allOnes, column: 1), width: 64) == .max)
        #expect(try constants.integer(ScenarioArgument(value: .symbol("h"), column: 1), names: { $0 == "h" ? 99 : nil }) == 99)
        #expect(throws: ScenarioRuntimeError(column: 3, message: "unknown name or constant 'C'")) {
            try constants.integer(ScenarioArgument(value: .symbol("C"), column: 3))
        }
        #expect(throws: ScenarioRuntimeError.self) {
            try constants.integer(ScenarioArgument(value: .number(0x1_0000_0000), column: 1))
        }
        #expect(constants.name(of: 4) == "B")
    }

    @Test("values print back in scenario syntax")
    func descriptions() {
        #expect(ScenarioValue.union([.symbol("A"), .number(0x40)]).description == "A|0x40")
        #expect(ScenarioValue.bytes([0x61, 0x62]).description == "\"ab\"")
        #expect(ScenarioValue.bytes([0x00, 0xFF]).description == "x\"00ff\"")
        #expect(ScenarioValue.null.description == "NULL")
        #expect(ScenarioValue.allOnes.description == "~0")
    }
}
