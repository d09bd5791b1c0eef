import ScenarioKit
import Testing

/// A small table for the tests: one function with an optional parameter and an out-parameter,
/// one void function, two directives.
let sampleCalls = ScenarioCallTable(
    family: "sample",
    functions: [
        ScenarioFunction("Open", parameters: ["Name", "Flags"], optional: 1, outputs: ["Handle"], returns: "BOOL",
                         aliases: ["OpenA"]),
        ScenarioFunction("Close", parameters: ["Handle"], returns: "VOID"),
    ],
    directives: [
        ScenarioDirectiveForm("thread", words: 1...1, usage: "NAME", takesExpectation: false),
        ScenarioDirectiveForm("drain", words: 0...0),
    ],
    readExpectation: { (expectation, _) throws(ScenarioRuntimeError) in
        guard ["TRUE", "FALSE", "-", "0", "1"].contains(expectation.returnWord) else {
            throw ScenarioRuntimeError(column: expectation.column, message: "not a result")
        }
    })

@Suite("The call table's pre-run check")
struct ScenarioCallTableTests {
    @Test("each kind of bad line is refused with the same wording, line and column", arguments: [
        ("Frob 1", 1, 1, "unknown function 'Frob'"),
        ("Close", 1, 1, "Close takes 1 argument(s) (Handle), found 0"),
        ("Open \"a\" 1 2", 1, 12, "Open takes 1 or 2 argument(s) (Name, Flags), found 3"),
        ("a, b = Open \"a\"", 1, 1, "Open has Handle to bind, found 2 name(s)"),
        ("h = Close 1", 1, 1, "Close has no out-parameter to bind, found 1 name(s)"),
        ("@frob", 1, 1, "unknown directive '@frob'"),
        ("@thread", 1, 1, "@thread takes 1 word(s), found 0"),
        ("@thread T2 => 1", 1, 12, "@thread takes no expectation"),
        ("\nClose 1 => MAYBE", 2, 9, "not a result"),
    ])
    func refused(text: String, line: Int, column: Int, message: String) throws {
        #expect(throws: ScenarioSyntaxError(line: line, column: column, message: message)) {
            try sampleCalls.check(try Scenario(parsing: text))
        }
    }

    @Test("aliases, optional parameters and fitting expectations pass")
    func accepted() throws {
        let text = "h = OpenA \"a\"\nOpen \"a\" 1 => TRUE\nClose h => -\n@drain => 0\n@thread T2"
        #expect(throws: Never.self) { try sampleCalls.check(try Scenario(parsing: text)) }
        #expect(sampleCalls.function(named: "OpenA")?.name == "Open")
    }

    @Test("a documentation page's grammar table is compared with the call table")
    func documentation() {
        let page = """
            ### Lines
            | line | binds |
            |---|---|
            | `h = Open NAME [FLAGS]` | `Handle` |
            | `Remove h` | - |
            ### Directives
            | `@thread NAME` | the thread |
            ### Elsewhere
            | `Close h` | not read |
            """
        let documented = ScenarioCallTable.documentedNames(in: page, sections: ["### Lines", "### Directives"])
        #expect(documented == ["Open", "Remove", "@thread"])
        #expect(sampleCalls.documentationMismatches(documented) == [
            "not documented: @drain", "not documented: Close", "not in the call table: Remove",
        ])
    }
}
