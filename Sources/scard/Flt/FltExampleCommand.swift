import ArgumentParser
import FilterManagerSim
import ScenarioKit

/// `scard flt example`: runs the built-in minifilter story and prints each call and the ledger.
struct FltExampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Run a short minifilter story and print each call's status and the ledger.",
        discussion: """
            Registers a filter with a stream context, attaches a context on create, looks it up on read, \
            releases it, closes the stream and unregisters, ending with 0 live contexts.

            Examples:
              scard flt example
              scard flt example --json
              scard flt example --show-scenario
            """
    )

    @Flag(name: .long, help: "Print one JSON object per line instead of text.")
    var json = false

    @Flag(name: .long, help: "Also print the scenario the story runs.")
    var showScenario = false

    @Flag(name: .long, help: "Also print the ledger to standard error.")
    var trace = false

    mutating func run() async throws {
        let scenario: Scenario
        do {
            scenario = try Scenario(parsing: FltExamples.minifilterStory)
        } catch {
            StandardError.write("scard: built-in example: \(error)")
            throw ExitCode(2)
        }
        if showScenario && !json {
            print(FltExamples.minifilterStory)
            print("")
        }
        let runner = FltScenarioRunner()
        let report = runner.run(scenario, options: ScenarioOptions())
        let code = ScenarioOutput.emit(report, json: json, expectClean: true)
        if !json {
            print("")
            for line in LedgerOutput.lines(of: runner.machine.table) {
                print(line)
            }
        }
        if trace {
            LedgerOutput.trace(runner.machine.table)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
