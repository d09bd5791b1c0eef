import ArgumentParser

/// The options every simulator's `run` and `example` take: output form, ledger trace, and when a
/// run counts as failed.
struct ScenarioRunOptions: ParsableArguments {
    @Flag(help: "Print one JSON object per line (each step, then a summary) instead of text.")
    var json = false

    @Flag(help: "Print the ledger (every allocate, retain, release, queued, free and stale use) to standard error after the run.")
    var trace = false

    @Flag(help: "Fail (exit 1) when anything is still live in a ledger at the end (examples always do).")
    var expectClean = false

    @Flag(help: "Stop at the first expectation that is not met.")
    var failFast = false

    /// The capacity of a ledger for the run: every event when tracing, else the last 4,096.
    var ledgerCapacity: Int? { trace ? nil : 4096 }
}
