import Foundation
import RPCSim
import ScenarioKit

/// Runs scenario text on a fresh runner.
func runScenario(_ text: String, failFast: Bool = false) throws -> ScenarioReport {
    RPCScenarioRunner().run(try Scenario(parsing: text), options: ScenarioOptions(failFast: failFast))
}

/// The shipped scenario files, by name.
enum ShippedScenarios {
    /// The folder the test bundle carries them in.
    static var folder: URL? {
        Bundle.module.url(forResource: "Scenarios", withExtension: nil)
    }

    /// The names of every `.scen` file, sorted.
    static var names: [String] {
        guard let folder,
            let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".scen") }.sorted()
    }

    /// The text of one file.
    static func text(_ name: String) throws -> String {
        guard let folder else { throw CocoaError(.fileNoSuchFile) }
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}

extension ScenarioReport {
    /// The steps that ran at least one rundown, as (line, call, count).
    var rundownSteps: [(line: Int, call: String, count: Int)] {
        steps.compactMap { step in
            let count = step.events.filter { $0.kind == RPCScenarioRunner.rundownEvent }.count
            return count > 0 ? (step.line, step.call, count) : nil
        }
    }
}
