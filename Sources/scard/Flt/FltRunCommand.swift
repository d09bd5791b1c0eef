import ArgumentParser
import FilterManagerSim
import Foundation
import ScenarioKit

/// `scard flt run SCENARIO`: runs a Filter Manager scenario file.
struct FltRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Filter Manager scenario file and check its expectations.",
        discussion: """
            The file uses the shared scenario grammar plus the directives of Docs/flt.md: @filter, \
            @register, @volume, @instance, @file, @stream, @open, @transaction, @close, @detach, \
            @dismount, @commit, @rollback, @irql, @step, @drain, @lowmemory. A bug check stops the run \
            (BUGCHECK 0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL, naming the rule and the line).

            Example:
              scard flt run Tests/FilterManagerSimTests/Scenarios/leak.scen --expect-clean

            Exit codes: 0 every expectation met; 1 an expectation failed, a bug check stopped the run, or \
            (--expect-clean) a context was left live; 2 the file cannot be read or has a syntax error.
            """
    )

    @Argument(help: "The scenario file ('-' reads standard input): UTF-8 text, at most 16 MiB.")
    var scenario: String

    @Flag(name: .long, help: "Print one JSON object per line instead of text.")
    var json = false

    @Flag(name: .long, help: "Print the ledger (every allocate, retain, release, queued, free) to standard error.")
    var trace = false

    @Flag(name: .long, help: "Fail (exit 1) when a context is still live at the end.")
    var expectClean = false

    @Flag(name: .long, help: "Stop at the first expectation that is not met.")
    var failFast = false

    mutating func run() async throws {
        let text = try InputFile(scenario).readText()
        let parsed: Scenario
        do {
            parsed = try Scenario(parsing: text)
            try FltRoutine.check(parsed)
        } catch {
            StandardError.write("scard: \(EchoedText.bounded(scenario, limit: 256)):\(error.line):\(error.column): \(error.message)")
            throw ExitCode(2)
        }
        let runner = FltScenarioRunner()
        let report = runner.run(parsed, options: ScenarioOptions(failFast: failFast))
        let code = ScenarioOutput.emit(report, json: json, expectClean: expectClean)
        if trace {
            LedgerOutput.trace(runner.machine.table)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
