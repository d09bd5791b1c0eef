import ArgumentParser
import FilterManagerSim
import ScenarioKit

/// `scard flt example`: runs the built-in minifilter story and prints each call and the ledger.
struct FltExampleCommand: ScenarioExampleCommand {
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

    @Flag(name: .long, help: "Also print the scenario the story runs.")
    var showScenario = false

    @OptionGroup var options: ScenarioRunOptions

    func makeRunner() -> FltScenarioRunner {
        FltScenarioRunner(machine: FilterManager(ledgerCapacity: options.ledgerCapacity))
    }

    func runExample(on runner: FltScenarioRunner) throws -> ScenarioReport {
        let scenario = try Scenario(parsing: FltExamples.minifilterStory)
        if showScenario && !options.json {
            print(FltExamples.minifilterStory)
            print("")
        }
        return run(scenario, on: runner)
    }

    func afterReport(_ report: ScenarioReport, runner: FltScenarioRunner) {
        guard !options.json else { return }
        print("")
        LedgerOutput.lines(of: runner.machine.table).forEach { print($0) }
    }
}
