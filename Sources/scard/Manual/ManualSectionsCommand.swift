import ArgumentParser

/// `scard manual-sections` (hidden): prints the man page's generated sections as mdoc, for
/// scripts/gen-manual.sh.
struct ManualSectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual-sections",
        abstract: "Print the man page's EXIT STATUS, ENVIRONMENT, FILES, EXAMPLES and SEE ALSO sections as mdoc.",
        shouldDisplay: false
    )

    func run() throws {
        print(ManualSections.mdoc, terminator: "")
    }
}
