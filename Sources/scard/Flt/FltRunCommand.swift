import ArgumentParser
import FilterManagerSim

/// `scard flt run SCENARIO`: runs a Filter Manager scenario file.
struct FltRunCommand: ScenarioRunCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Filter Manager scenario file and check its expectations.",
        discussion: """
            The file uses the shared scenario grammar plus the directives of Docs/flt.md: @filter, \
            @register, @volume, @instance, @file, @stream, @open, @transaction, @close, @detach, \
            @dismount, @commit, @rollback, @irql, @step, @drain, @lowmemory, @verifier; and the shared @expect and \
            @reboot (Docs/scenarios.md). A bug check no line expects stops the run \
            (BUGCHECK 0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL, naming the rule and the line).

            Example:
              scard flt run Tests/FilterManagerSimTests/Scenarios/leak.scen --expect-clean

            Exit codes: 0 every expectation met; 1 an expectation failed, a bug check stopped the run, or \
            (--expect-clean) a context was left live; 2 the file cannot be read or has a syntax error.
            """
    )

    @Argument(help: "The scenario file ('-' reads standard input): UTF-8 text, at most 16 MiB.")
    var scenario: String

    @OptionGroup var options: ScenarioRunOptions

    func makeRunner() -> FltScenarioRunner {
        FltScenarioRunner(machine: FilterManager(ledgerCapacity: options.ledgerCapacity))
    }
}
