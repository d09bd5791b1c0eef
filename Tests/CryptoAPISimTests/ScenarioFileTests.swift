import CryptoAPISim
import Foundation
import ScenarioKit
import Testing

@Suite("The shipped scenario files run clean")
struct ScenarioFileTests {
    /// The scenario files shipped with the tests.
    static let files: [URL] = {
        let directory = Bundle.module.resourceURL?.appendingPathComponent("Scenarios")
        let names = directory.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        return names.filter { $0.hasSuffix(".scen") }.sorted().compactMap { directory?.appendingPathComponent($0) }
    }()

    @Test("the scenario folder holds the scenarios")
    func present() {
        #expect(Self.files.count >= 12)
    }

    @Test("every expectation is met and the ledger ends with 0 live", arguments: Self.files)
    func runs(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let scenario = try Scenario(parsing: text)
        try CryptScenarioRunner.calls.check(scenario)
        let report = CryptScenarioRunner().run(scenario)
        for step in report.steps where step.met == false {
            Issue.record("\(file.lastPathComponent):\(step.line): \(step.call) -> \(step.returned) \(step.lastError ?? "") \(step.output ?? ""), expected \(step.expected ?? "?") \(step.notes)")
        }
        #expect(report.failures == 0)
        #expect(report.stopped == nil)
        #expect(report.liveTotal == 0, "\(file.lastPathComponent) left \(report.live)")
        #expect(report.steps.contains { $0.met == true })
    }
}
