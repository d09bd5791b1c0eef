import APDUScript
@preconcurrency import Glibc

/// A one-line progress bar on standard error (`[####      ] 12/200`), for scripts of 20 APDUs or
/// more when standard error is a terminal. It is cleared before any other line is printed and
/// drawn again after it, so it never shares a line with output.
final class ProgressBar {
    let total: Int
    private var done = 0
    private var lastDrawn = -1
    private var shown = false

    init(total: Int) {
        self.total = max(1, total)
    }

    /// Counts an exchange and redraws when the percentage changed.
    func advance(_ event: ScriptEvent) {
        guard case .exchange = event else { return }
        done += 1
        let percent = done * 100 / total
        guard percent != lastDrawn || !shown else { return }
        lastDrawn = percent
        shown = true
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        Self.draw("\r[\(bar)] \(done)/\(total)")
    }

    /// Clears the bar's line, before another line is printed or at the end.
    func clear() {
        guard shown else { return }
        shown = false
        Self.draw("\r\u{1B}[K")
    }

    /// Clears the bar's line for good.
    func finish() {
        shown = true
        clear()
    }

    /// Writes `text` to standard error as it is, control characters included.
    private static func draw(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }
}
