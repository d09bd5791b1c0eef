/// Reads lines at the prompt and hands them to the session until `quit` or Ctrl-D: an APDU ending
/// with `\` continues on the next line, Ctrl-C drops the line being typed, and each line typed goes
/// to the history (and its file, when there is one).
struct ShellLoop {
    /// The session the lines run in.
    let session: ShellSession
    /// The line editor.
    let editor: LineEditor
    /// Whether to show the session's prompt (the shell) or none (`scard script -` on a terminal).
    let prompting: Bool
    /// The history file, when one is kept.
    var history: ShellHistory?

    /// Runs until the input ends or `quit`.
    mutating func run() {
        if let history { history.entries.forEach(editor.remember) }
        var pending = ""
        var historyProblem = false
        while true {
            if prompting { editor.prompt = pending.isEmpty ? session.prompt : "... " }
            switch editor.readLine() {
            case .end:
                if prompting { print("") }
                return
            case .interrupted:
                ShellInterrupt.clear()
                pending = ""
                print("^C")
                continue
            case .line(let line):
                let trimmed = String(line.trimmingBlanks())
                if !trimmed.isEmpty {
                    editor.remember(line)
                    if let problem = history?.add(line), !historyProblem {
                        session.report(problem)
                        historyProblem = true
                    }
                }
                if trimmed.hasSuffix("\\") {
                    pending += trimmed + "\n"
                    continue
                }
                let whole = pending + line
                pending = ""
                let next = whole.contains("\n") ? session.runScriptText(whole) : session.run(whole)
                if next == .quit { return }
            }
        }
    }
}

extension ShellSession {
    /// Runs an APDU continued over several lines.
    func runScriptText(_ text: String) -> Next {
        runScriptLine(text)
        return .keepGoing
    }
}
