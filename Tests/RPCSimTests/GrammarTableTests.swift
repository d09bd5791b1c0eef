import Foundation
import RPCSim
import ScenarioKit
import Testing

@Suite("Docs/rpc.md's grammar tables and the call table")
struct GrammarTableTests {
    @Test("every function and directive of the call table is in Docs/rpc.md's tables, and nothing else is")
    func documented() throws {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/rpc.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let documented = ScenarioCallTable.documentedNames(in: text, sections: ["### Functions", "### Directives"])
        #expect(RPCScenarioRunner.calls.documentationMismatches(documented) == [])
    }
}
