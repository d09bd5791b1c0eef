import APDUScript
import FileSafety
import PCSC

/// Writes a shell session as a script `scard script` can replay: each exchange as its APDU with
/// the response it got as the expectation, `reset`, `echo`, `delay` and transaction lines as typed,
/// and the reader in a comment. The file is rewritten atomically after each line, so it is whole
/// at any moment.
struct ShellRecorder {
    /// The script file.
    let path: String
    /// The lines so far.
    private(set) var lines = ["# recorded by scard shell; replay with: scard script FILE"]

    /// A recorder for `path`; the file is written at once, so a path that cannot be written is
    /// an error before the session starts.
    init(path: String) throws {
        self.path = path
        try write()
    }

    /// Adds a comment line (`# reader: ...`).
    mutating func comment(_ text: String) {
        line("# " + text)
    }

    /// Adds a script line as it is.
    mutating func line(_ text: String) {
        lines.append(text)
        try? write()
    }

    /// Adds what an event of a script line did.
    mutating func record(_ event: ScriptEvent) {
        switch event {
        case .exchange(_, let exchange, _, _, _):
            line("\(Hex.string(exchange.command.bytes)) => \(Hex.string(exchange.response.bytes))")
        case .reset:
            line("reset")
        case .echo(_, let text):
            line("echo \(text)")
        case .delay(_, let milliseconds):
            line("delay \(milliseconds)ms")
        case .testSection(_, let name):
            line("# test: \(name)")
        case .beginTransaction:
            line("transaction begin")
        case .endTransaction:
            line("transaction end")
        case .exit:
            break
        }
    }

    /// Writes the file.
    func write() throws {
        let text = lines.map { $0 + "\n" }.joined()
        do {
            try AtomicFile.write(Array(text.utf8), to: path, creatingWith: .ownerWriteAllRead)
        } catch {
            throw CLIError(message: "--record: \(error)", status: .writeFailed)
        }
    }
}
