import ArgumentParser

/// The `scard` command: PC/SC smart cards from the shell, and simulators of Windows context APIs.
@main
struct SCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scard",
        abstract: "Talk to PC/SC smart cards, and explore how Windows APIs release their contexts.",
        version: "0.1.0",
        subcommands: []
    )
}
