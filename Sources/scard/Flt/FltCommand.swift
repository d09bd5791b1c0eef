import ArgumentParser

/// `scard flt`: the Filter Manager context simulator.
struct FltCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flt",
        abstract: "Simulate minifilter contexts: FltAllocateContext, FltSetXxxContext ... FltReleaseContext.",
        discussion: """
            An in-process model of the Filter Manager's contexts (fltkernel.h): reference counts, links to \
            volumes, instances, files, streams, stream handles and transactions, IRQL rules, the work item \
            that frees a context released at DISPATCH_LEVEL, and Driver Verifier's reports.

            Examples:
              scard flt example
              scard flt run --trace \\
                  Tests/FilterManagerSimTests/Scenarios/dispatch-work-item.scen

            Exit codes: 0 every expectation met; 1 an expectation failed, a bug check stopped the run, or \
            (--expect-clean) a context was left live; 2 usage error (bad file, syntax error).
            """,
        subcommands: [FltExampleCommand.self, FltRunCommand.self]
    )
}
