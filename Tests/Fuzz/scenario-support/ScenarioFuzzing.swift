import ScenarioKit

/// The checks every scenario fuzz target makes on one input, whatever the simulator.
public enum ScenarioFuzzing {
    /// Parses the input as scenario text, as `scard <family> run` does. A syntax error must name a
    /// line and column inside the text; a scenario that parses and passes the runner's call table
    /// check is run on a fresh runner from `makeRunner`, which must never trap and whose every step names a line of the
    /// text (a runner may report a line twice: a call paused inside the API finishes at the end).
    public static func exercise<Runner: ScenarioRunner>(_ input: [UInt8], makeRunner: () -> Runner) {
        let text = String(decoding: input, as: UTF8.self)
        let lineCount = 1 + text.unicodeScalars.filter { Character($0).isNewline }.count
        let scenario: Scenario
        do {
            scenario = try Scenario(parsing: text)
            try Runner.calls.check(scenario)
        } catch {
            precondition(error.line >= 1 && error.line <= lineCount, "syntax error at line \(error.line) of \(lineCount)")
            precondition(error.column >= 1, "syntax error at column \(error.column)")
            _ = error.message
            return
        }
        for options in [ScenarioOptions(), ScenarioOptions(failFast: true)] {
            let report = makeRunner().run(scenario, options: options)
            for step in report.steps {
                precondition(step.line >= 1 && step.line <= lineCount, "step for line \(step.line) of \(lineCount)")
            }
            _ = report.failures
            _ = report.liveTotal
        }
    }
}
