import FilterManagerSim
import ScenarioKit
import TestSupport
import Testing

extension ModelTests {
    @Test("random scenario text with @expect, @irql, @verifier, BUGCHECK and @reboot: the simulator meets exactly the expectations the model states")
    func randomScenarios() throws {
        let lines = max(Self.callBudget / 10, 100)
        var rng = SplitMix64(seed: Self.seed &+ 1)
        var tally = ScenarioTally()
        var bugChecks = 0
        var verifierBugChecks = 0
        while tally.lines < lines {
            var model = FltScenarioModel()
            for _ in 0..<Int.random(in: 10...120, using: &rng) { model.step(&rng) }
            model.finish()
            let report = FltScenarioRunner().run(try Scenario(parsing: model.text.source), options: ScenarioOptions())
            tally.check(report, against: model.text)
            bugChecks += model.bugChecks
            verifierBugChecks += model.verifierBugChecks
        }
        print("flt scenario model: \(tally.summary), \(bugChecks) bug checks (\(verifierBugChecks) of them 0xC4)")
        for text in tally.examples { Issue.record(Comment(rawValue: text)) }
        #expect(tally.mismatches == 0)
        #expect(tally.wrong > 0 && tally.reboots > 0 && verifierBugChecks > 0 && bugChecks > verifierBugChecks)
    }
}
