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
                checkShared(step)
            }
            precondition((report.stopReason == nil) == (report.stoppedAtLine == nil), "a stop without its line or reason")
            if let line = report.stoppedAtLine {
                precondition(line >= 1 && line <= lineCount, "stopped at line \(line) of \(lineCount)")
            }
            let reboots = report.steps.filter { $0.call == "@reboot" && $0.returned == "-" }.count
            precondition(report.machines.count == 1 + reboots, "\(report.machines.count) machine(s) for \(reboots) reboot(s)")
            _ = report.failures
            _ = report.liveTotal
        }
    }

    /// What the shared directives and expectations promise of every step: `@expect` changes no
    /// ledger, a met `=> BUGCHECK` carries the bug check it matched, and a bug check names its code.
    static func checkShared(_ step: ScenarioStep) {
        if step.call == "@expect" {
            precondition(step.ledgerDelta.isEmpty, "@expect at line \(step.line) changed a ledger")
        }
        if step.met == true, step.expected?.hasPrefix("BUGCHECK") == true {
            precondition(step.bugCheck != nil, "a met BUGCHECK at line \(step.line) without a bug check")
        }
        if let check = step.bugCheck {
            precondition(!check.name.isEmpty && check.parameters.count <= 4, "bug check at line \(step.line): \(check)")
        }
    }
}
