import ArgumentParser
import PCSC

/// A reader as every JSON line names it (Docs/json.md): its index in the reader list and its name.
struct ReaderReference: Encodable, Sendable, Equatable {
    /// The reader's place in `scard list-readers` when the command looked.
    let index: Int
    /// The reader's name.
    let name: String

    /// The reference to `name` among `names` (the reader list the command saw).
    init(_ name: String, among names: [String]) {
        self.name = name
        index = names.firstIndex(of: name) ?? names.count
    }

    /// The reference to `name`, listing the readers of `context` to find its index.
    init(_ name: String, in context: Context) {
        self.init(name, among: (try? context.readerNames()) ?? [name])
    }
}

/// The values of Docs/json.md's vocabulary: hex without blanks, protocols as strings.
enum JSONValue {
    /// Bytes as upper-case hex without blanks: `3B9513`.
    static func hex(_ bytes: some Collection<UInt8>) -> String {
        Hex.string(Array(bytes), separator: "")
    }

    /// Hex text with its blanks removed: `90 00` becomes `9000`.
    static func compact(_ text: String) -> String {
        text.filter { $0 != " " }
    }

    /// A protocol number from an ATR as JSON names it: `T=1`.
    static func protocolName(_ number: Int) -> String {
        "T=\(number)"
    }
}

/// The last line a command prints with `--json` when its run ends with an error.
struct ErrorLine: Encodable {
    let type = "error"
    /// The message of the `scard: ` line on standard error, without the prefix.
    let message: String
    /// The exit code.
    let exitCode: Int32
}

/// Whether a parsed command prints JSON.
enum JSONOutput {
    /// Whether `command` was given `--json`.
    nonisolated static func requested(by command: ParsableCommand) -> Bool {
        (command as? JSONOutputCommand)?.printsJSON ?? false
    }

    /// Whether a command line the parser refused asked for JSON: it holds `--json` before any `--`.
    static func requested(byRefused arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--json")
    }
}

/// A command whose output can be JSON lines, so that an error ending it is printed as one too.
protocol JSONOutputCommand {
    /// Whether `--json` was given.
    var printsJSON: Bool { get }
}
