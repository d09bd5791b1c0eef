@preconcurrency import CLibEdit
@preconcurrency import Glibc

/// Reads lines with libedit (BSD editline): emacs-style editing, history in memory, and a prompt
/// the caller changes between lines. Ctrl-D on an empty line ends the input; Ctrl-C (a SIGINT that
/// interrupts the read) drops the line being typed.
final class LineEditor {
    /// What one read gave.
    enum Input: Equatable {
        /// A line, without its line break.
        case line(String)
        /// Ctrl-C: the line being typed was dropped.
        case interrupted
        /// Ctrl-D or the end of the input.
        case end
    }

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private var event = HistEvent()
    /// The prompt as a C string, kept alive while libedit may read it.
    private var promptText: UnsafeMutablePointer<CChar>

    /// Opens libedit on standard input and output, with `historySize` lines of history and the
    /// user's `~/.editrc` settings.
    init(program: String, historySize: Int) {
        editor = scard_el_init_standard(program)
        history = history_init()
        promptText = strdup("> ")
        _ = scard_history_set_size(history, &event, Int32(historySize))
        _ = scard_history_set_unique(history, &event)
        _ = scard_el_set_history(editor, history)
        _ = scard_el_set_editor(editor, "emacs")
        _ = scard_el_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
        _ = scard_el_set_prompt(editor) { editor in
            guard let editor, let data = scard_el_get_client_data(editor) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptText
        }
        el_source(editor, nil)
    }

    deinit {
        el_end(editor)
        history_end(history)
        free(promptText)
    }

    /// The prompt shown before the next line.
    var prompt: String = "> " {
        didSet {
            free(promptText)
            promptText = strdup(prompt)
        }
    }

    /// Reads one line.
    func readLine() -> Input {
        var count: Int32 = 0
        errno = 0
        guard let text = el_gets(editor, &count) else {
            if count < 0 && errno == EINTR {
                el_reset(editor)
                return .interrupted
            }
            return .end
        }
        var line = String(cString: text)
        while line.last == "\n" || line.last == "\r" { line.removeLast() }
        return .line(line)
    }

    /// Adds a line to the history that up-arrow and Ctrl-R search.
    func remember(_ line: String) {
        _ = scard_history_enter(history, &event, line)
    }
}
