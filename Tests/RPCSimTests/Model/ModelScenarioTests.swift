import RPCSim
import ScenarioKit
import TestSupport
import Testing

extension ModelBasedTests {
    @Test("random scenario text with @expect, @restart, @reboot, ReadResourceOn, raw tokens and client threads: the simulator meets exactly the expectations the model states")
    func randomScenarios() throws {
        let lines = max(ModelRunSettings.calls(default: Self.defaultCalls) / 10, 100)
        var rng = SplitMix64(seed: ModelRunSettings.seed(default: Self.defaultSeed) &+ 1)
        var tally = ScenarioTally()
        while tally.lines < lines {
            var model = RPCScenarioModel(&rng)
            for _ in 0..<Int.random(in: 10...100, using: &rng) { model.step(&rng) }
            model.finish(&rng)
            let report = RPCScenarioRunner().run(try Scenario(parsing: model.text.source))
            tally.check(report, against: model.text)
        }
        print("rpc scenario model: \(tally.summary), \(tally.waits) calls that waited or stopped")
        for text in tally.examples { Issue.record(Comment(rawValue: text)) }
        #expect(tally.mismatches == 0)
        #expect(tally.wrong > 0 && tally.reboots > 0 && tally.waits > 0)
    }
}
