import ArgumentParser
import ScenarioKit

/// A simulator's `run` subcommand: a scenario file, read and checked, run on a fresh runner, and
/// reported; the simulator supplies only its runner.
protocol ScenarioRunCommand: ParsableCommand {
    /// The simulator's runner.
    associatedtype Runner: ScenarioRunner
    /// The scenario file, or `-` for standard input.
    var scenario: String { get }
    /// The shared output and failure options.
    var options: ScenarioRunOptions { get }
    /// A fresh runner for this run.
    func makeRunner() throws -> Runner
    /// Checks after the report is printed that may end the run with another status (a store write).
    func afterRun(_ runner: Runner) throws
}

extension ScenarioRunCommand {
    /// Nothing to check after the run.
    func afterRun(_ runner: Runner) throws {}

    /// Reads, checks and runs the scenario, prints the report, and fails as the options say.
    func run() throws {
        let parsed = try ScenarioFile.read(scenario, calls: Runner.calls)
        let runner = try makeRunner()
        let report = runner.run(parsed, options: ScenarioOptions(failFast: options.failFast))
        let failure = ScenarioOutput.finish(report, ledgers: runner.ledgers, options: options)
        try afterRun(runner)
        if let failure { throw failure }
    }
}
