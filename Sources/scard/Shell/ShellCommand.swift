import ArgumentParser
import PCSC

/// `scard shell`: an interactive prompt at a card, with line editing and history.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Talk to a card interactively: type APDUs and script lines, with line editing and history.",
        discussion: """
            Each line is sent as it is typed: an APDU in hex, optionally with an
            expected response ('00 84 00 00 08 => * 90 00'), or 'reset', 'echo TEXT',
            'delay 100ms', 'transaction begin|end' (the lines of 'scard script'); and
            'reader' (list), 'reader N|NAME' (switch), 'atr', 'help', 'quit'.
            Responses print as 'scard send' prints them.

            Line editing and history come from libedit (emacs keys; ~/.editrc applies).
            The history is kept in $XDG_STATE_HOME/scard/history (else
            ~/.local/state/scard/history). Ctrl-D leaves; Ctrl-C drops the line being
            typed, and during a card call that does not return gives the prompt back
            within a second (the call is left to itself; the next line connects again).

            --record FILE writes the session as a script that 'scard script' replays,
            each response as the expected one.

            Example:
              $ scard shell --reader 0
              connected to Virtual PCD 00 00, T=1
              scard Virtual PCD 00 00> 00 A4 00 0C 02 3F 00
              > 00 A4 00 0C 02 3F 00
              < 90 00 : normal processing
              scard Virtual PCD 00 00> quit

            Exits 0, or 1 when an expectation typed was not met; pcscd not running (6)
            or an unknown reader (4) end it before the prompt.
            """
    )

    @OptionGroup var card: CardOptions
    @OptionGroup var connectionOptions: ConnectionOptions
    @OptionGroup var transmit: TransmitFlags
    @OptionGroup var deadline: DeadlineOptions

    @Option(name: .customLong("record"), help: ArgumentHelp("Write the session to this file as a replayable script.", valueName: "file.apdu"))
    var record: String?

    func run() throws {
        let recorder = try record.map { try ShellRecorder(path: $0) }
        let session = Session(trace: card.trace, timeout: deadline.timeout)
        defer { session.finish() }
        ShellInterrupt.install()
        let shell = ShellSession(
            session: session, card: card, connection: connectionOptions, transmit: transmit, recorder: recorder)
        try shell.start(reader: card.reader)
        var loop = ShellLoop(session: shell, editor: LineEditor(program: "scard", historySize: ShellHistory.limit),
                             prompting: true, history: ShellHistory())
        loop.run()
        if shell.inTransaction, let connection = shell.card { try? connection.endTransaction() }
        if shell.failures > 0 {
            throw CLIError(message: "\(shell.failures) expectation(s) were not met", status: .checkFailed)
        }
    }
}
