import ScenarioKit
import Testing

@Suite("Tokens quoted in messages")
struct ScenarioTokenTests {
    @Test("a short token is quoted whole; a long one is cut to 64 characters ending with …")
    func quoting() {
        #expect(ScenarioToken.quoted("prov") == "'prov'")
        let long = String(repeating: "x", count: 100_000)
        let quoted = ScenarioToken.quoted(long)
        #expect(quoted.count == ScenarioToken.limit + 2)
        #expect(quoted.hasSuffix("x…'"))
        #expect(ScenarioToken.bounded(String(repeating: "y", count: 64)) == String(repeating: "y", count: 64))
    }

    @Test("an unknown name of 100,000 characters is reported in a bounded message")
    func unknownLongName() throws {
        let name = String(repeating: "N", count: 100_000)
        let scenario = try Scenario(parsing: "Call \(name)\n")
        guard case .call(let call) = try #require(scenario.lines.first).content else {
            Issue.record("not a call")
            return
        }
        let constants = ScenarioConstants([("TRUE", 1)])
        #expect(throws: ScenarioRuntimeError.self) { try constants.integer(call.arguments[0]) }
        do {
            _ = try constants.integer(call.arguments[0])
        } catch {
            #expect(error.message.count < 100)
            #expect(error.message.hasPrefix("unknown name or constant 'NNN"))
        }
    }
}
