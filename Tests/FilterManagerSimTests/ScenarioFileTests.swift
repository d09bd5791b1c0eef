import FilterManagerSim
import Foundation
import ScenarioKit
import Testing

/// The scenario files shipped under Scenarios/, run as the CLI runs them.
@Suite("Shipped scenario files")
struct ScenarioFileTests {
    /// What each shipped scenario must end with.
    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String
        let stopped: Bool
        let live: Int
        var testDescription: String { file }
    }

    static let files: [Expected] = [
        Expected(file: "allocate-errors", stopped: false, live: 0),
        Expected(file: "dispatch-work-item", stopped: false, live: 0),
        Expected(file: "double-release", stopped: false, live: 0),
        Expected(file: "irql-rules", stopped: false, live: 0),
        Expected(file: "keep-race", stopped: false, live: 0),
        Expected(file: "leak", stopped: false, live: 1),
        Expected(file: "paged-at-dispatch", stopped: false, live: 1),
        Expected(file: "registration-rules", stopped: false, live: 0),
        Expected(file: "related-contexts", stopped: false, live: 0),
        Expected(file: "replace", stopped: false, live: 0),
        Expected(file: "state-expectations", stopped: false, live: 0),
        Expected(file: "teardown", stopped: false, live: 0),
    ]

    static func load(_ name: String) throws -> Scenario {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "scen", subdirectory: "Scenarios"))
        let scenario = try Scenario(parsing: try String(contentsOf: url, encoding: .utf8))
        try FltScenarioRunner.calls.check(scenario)
        return scenario
    }

    @Test("every expectation is met, and the run ends as documented", arguments: files)
    func run(expected: Expected) throws {
        let report = FltScenarioRunner().run(try Self.load(expected.file), options: ScenarioOptions())
        #expect(report.failures == 0, "\(report.steps.filter { $0.met == false }.map { "\($0.line): \($0.notes)" })")
        #expect((report.stopped != nil) == expected.stopped)
        #expect(report.liveTotal == expected.live)
    }

    @Test("every shipped scenario is listed above")
    func allListed() throws {
        let folder = try #require(Bundle.module.url(forResource: "Scenarios", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".scen") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names == Self.files.map(\.file))
    }

    @Test("the work-item scenario's ledger shows queued, then free, for each context")
    func queuedThenFreed() throws {
        let runner = FltScenarioRunner()
        _ = runner.run(try Self.load("dispatch-work-item"), options: ScenarioOptions())
        let events = runner.machine.table.ledger.events.filter { $0.action == .queued || $0.action == .free }
        #expect(events.map { "\($0.action.rawValue) \($0.name)" } == [
            "queued context#1", "queued context#2", "free context#1", "free context#2",
        ])
    }

    @Test("the leak is reported with the line that took the reference")
    func leakNamesLine() throws {
        let report = FltScenarioRunner().run(try Self.load("leak"), options: ScenarioOptions())
        let unregister = try #require(report.steps.last)
        #expect(unregister.call == "FltUnregisterFilter")
        #expect(unregister.notes.contains { $0.hasPrefix("VERIFIER: leaked context#1") && $0.contains("FltGetStreamContext at line 13") })
    }

    @Test("the paged-at-dispatch bug check names the rule and the line")
    func bugCheckNamesRuleAndLine() throws {
        let report = FltScenarioRunner().run(try Self.load("paged-at-dispatch"), options: ScenarioOptions())
        #expect(report.stopped == nil, "the line expects the bug check")
        let step = try #require(report.steps.last)
        let note = try #require(step.notes.first)
        #expect(note.hasPrefix("BUGCHECK 0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL (0x"))
        #expect(note.contains("at line 13:"))
        #expect(note.contains("a paged context must be released at IRQL <= APC_LEVEL"))
        #expect(step.line == 13)
        #expect(step.returned == "BUGCHECK 0xD1")
        #expect(step.bugCheck?.code == 0xD1)
    }

    @Test("the built-in example story meets every expectation and ends with 0 live")
    func example() throws {
        let scenario = try Scenario(parsing: FltExamples.minifilterStory)
        try FltScenarioRunner.calls.check(scenario)
        let report = FltScenarioRunner().run(scenario, options: ScenarioOptions())
        #expect(report.failures == 0)
        #expect(report.stopped == nil)
        #expect(report.liveTotal == 0)
        #expect(report.steps.allSatisfy { !$0.notes.contains { $0.hasPrefix("VERIFIER") } })
    }
}
