import ArgumentParser
import PCSC

/// Options shared by the commands that talk to a reader.
struct CardOptions: ParsableArguments {
    @Option(
        name: .shortAndLong, help: "The reader: index, exact name, or a unique part of its name (default: the first reader with a card).",
        completion: .custom(ReaderCompletion.names))
    var reader: String?

    @Flag(help: "Show every PC/SC call with its result and duration, and the ledger at exit, on standard error.")
    var trace = false

    /// Refuses an empty `--reader` before anything is asked of pcscd.
    func validate() throws {
        try ReaderOption.validate(reader)
    }
}

/// The deadline of every PC/SC call (`--timeout`).
struct DeadlineOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Deadlines.help, valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, !Deadlines.isValid(timeout) { throw ValidationError("--timeout must be a positive number of seconds") }
        try Deadlines.validateEnvironment()
    }
}

/// Options for output meant for programs.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (one object per line) instead of text.")
    var json = false
}

/// Options for how T=0 procedure answers are handled.
struct TransmitFlags: ParsableArguments {
    @Option(name: .customLong("get-response"), help: "On 61xx, fetch the rest with GET RESPONSE: auto or off.")
    var getResponse: Switch = .auto

    @Option(name: .customLong("fix-le"), help: "On 6Cxx, resend the command with the right Le: auto or off.")
    var fixLe: Switch = .auto

    @Flag(help: "Show the wire exchanges (GET RESPONSE, resends) under each logical exchange.")
    var wire = false
}

/// `auto` or `off`.
enum Switch: String, ExpressibleByArgument, CaseIterable {
    case auto
    case off
}
