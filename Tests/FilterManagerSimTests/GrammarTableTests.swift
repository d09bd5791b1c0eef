import Foundation
import FilterManagerSim
import ScenarioKit
import Testing

@Suite("Docs/flt.md's grammar tables and the call table")
struct GrammarTableTests {
    @Test("every function and directive of the call table is in Docs/flt.md's tables, and nothing else is")
    func documented() throws {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/flt.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let documented = ScenarioCallTable.documentedNames(in: text, sections: ["### Routines and their arguments", "### Directives"])
        #expect(FltScenarioRunner.calls.documentationMismatches(documented) == [])
    }
}
