@preconcurrency import Glibc
import PCSC

extension ScriptCommand {
    /// Whether `scard script -` reads a terminal and so sends each line as it is typed (as
    /// scriptor does), instead of reading the whole script first: only for a plain run.
    var readsTerminalLineByLine: Bool {
        files == ["-"] && isatty(STDIN_FILENO) == 1 && !output.json && report == nil && record == nil
            && compare == nil && !allReaders
    }

    /// Runs the lines typed at the terminal one by one, with line editing and no prompt; Ctrl-D ends.
    /// Exits 1 when an expectation was not met, 3 when a line ended with an error.
    func runFromTerminal() throws {
        let session = Session(trace: card.trace, timeout: deadline.timeout)
        defer { session.finish() }
        ShellInterrupt.install()
        let shell = ShellSession(
            session: session, card: card, connection: connectionOptions, transmit: transmit, recorder: nil)
        try shell.start(reader: card.reader)
        let editor = LineEditor(program: "scard", historySize: 100)
        editor.prompt = ""
        var loop = ShellLoop(session: shell, editor: editor, prompting: false, history: nil)
        loop.run()
        if shell.inTransaction, let connection = shell.card { try? connection.endTransaction() }
        if shell.failures > 0 {
            throw CLIError(message: "\(shell.failures) expectation(s) were not met", status: .checkFailed)
        }
        if shell.errors > 0 {
            throw CLIError(message: "\(shell.errors) line(s) ended with an error", status: .pcscError)
        }
    }
}
