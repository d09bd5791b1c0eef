import ScenarioKit
import Testing

@Suite("Scenario grammar at scale")
struct LargeScenarioParserTests {
    @Test("100,000 lines parse, each with its own number and text")
    func manyLines() throws {
        var text = ""
        for index in 1...100_000 {
            text += index % 10 == 0 ? "# comment \(index)\n" : "h\(index) = Open c1 \"r\(index)\" => OK\n"
        }
        let scenario = try Scenario(parsing: text)
        #expect(scenario.lines.count == 90_000)
        let last = try #require(scenario.lines.last)
        #expect(last.number == 99_999)
        #expect(last.text == "h99999 = Open c1 \"r99999\" => OK")
    }

    @Test("a line with 100,000 arguments parses, and an error after them names its column")
    func longLine() throws {
        let arguments = Array(repeating: "0x1", count: 100_000).joined(separator: " ")
        let scenario = try Scenario(parsing: "Call \(arguments) => TRUE\n")
        guard case .call(let call) = try #require(scenario.lines.first).content else {
            Issue.record("not a call")
            return
        }
        #expect(call.arguments.count == 100_000)
        #expect(call.arguments.last?.column == 6 + 4 * 99_999)
        #expect(throws: ScenarioSyntaxError.self) { try Scenario(parsing: "Call \(arguments) !\n") }
    }
}
