import Foundation
import ScenarioKit
import Testing

/// Docs/scenarios.md's tables of what the three simulators share, kept in step with the kit.
@Suite("Docs/scenarios.md's shared directives and properties")
struct SharedGrammarTableTests {
    static let heading = "## Directives every simulator takes"

    static func page() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/scenarios.md")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("the shared directives table lists exactly the directives the driver runs")
    func directives() throws {
        let documented = ScenarioCallTable.documentedNames(in: try Self.page(), sections: [Self.heading])
        #expect(documented == Set(ScenarioCallTable.sharedDirectives.map { "@" + $0.name }))
    }

    @Test("the properties table lists exactly the properties @expect takes")
    func properties() throws {
        var inSection = false
        var names: Set<String> = []
        for line in try Self.page().split(separator: "\n") {
            if line.hasPrefix("#") { inSection = line == Self.heading }
            guard inSection, line.hasPrefix("| `") else { continue }
            let cell = line.dropFirst(3).prefix { $0 != "`" }
            if cell.allSatisfy(\.isLowercase) { names.insert(String(cell)) }
        }
        #expect(names == Set(ScenarioProperty.allCases.map(\.rawValue)))
    }
}
