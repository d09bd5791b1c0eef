import Foundation
import CryptoAPISim
import ScenarioKit
import Testing

@Suite("Docs/crypt.md's grammar tables and the call table")
struct GrammarTableTests {
    @Test("every function and directive of the call table is in Docs/crypt.md's tables, and nothing else is")
    func documented() throws {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/crypt.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let documented = ScenarioCallTable.documentedNames(in: text, sections: ["### Lines", "### Directives"])
        #expect(CryptScenarioRunner.calls.documentationMismatches(documented) == [])
    }
}
