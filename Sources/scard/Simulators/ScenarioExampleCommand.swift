import ArgumentParser
import ScenarioKit

/// A simulator's `example` subcommand: the example run on a fresh runner, reported, and required to
/// end with nothing live; the simulator supplies only its runner and its example.
protocol ScenarioExampleCommand: ParsableCommand {
    /// The simulator's runner.
    associatedtype Runner: ScenarioRunner
    /// The shared output and failure options.
    var options: ScenarioRunOptions { get }
    /// A fresh runner for this run.
    func makeRunner() throws -> Runner
    /// Runs the example on the runner and reports each step.
    func runExample(on runner: Runner) throws -> ScenarioReport
    /// Prints what the example adds after its report, and checks that may end the run with another
    /// status before the report's own failure (a store write).
    func afterReport(_ report: ScenarioReport, runner: Runner) throws
    /// Checks what the example claims, once its report has passed.
    func checkClaim(_ report: ScenarioReport) throws
}

extension ScenarioExampleCommand {
    /// Nothing to add after the report.
    func afterReport(_ report: ScenarioReport, runner: Runner) throws {}

    /// No claim beyond the report's expectations and its clean end.
    func checkClaim(_ report: ScenarioReport) throws {}

    /// Runs a parsed example scenario on the runner, stopping at the first unmet expectation with
    /// `--fail-fast`.
    func run(_ scenario: Scenario, on runner: Runner) -> ScenarioReport {
        runner.run(scenario, options: ScenarioOptions(failFast: options.failFast))
    }

    /// Runs the example, prints the report, and fails as the options say; an example always has to
    /// end with 0 live objects.
    func run() throws {
        let runner = try makeRunner()
        let report = try runExample(on: runner)
        let failure = ScenarioOutput.finish(report, ledgers: runner.ledgers, options: options, alwaysClean: true)
        try afterReport(report, runner: runner)
        if let failure { throw failure }
        try checkClaim(report)
    }
}
