import APDUScript
@preconcurrency import Glibc

/// A one-line progress bar redrawn on standard error.
final class ProgressBar {
    let total: Int
    private var done = 0
    private var lastDrawn = -1

    init(total: Int) {
        self.total = max(1, total)
    }

    /// Counts an exchange and redraws when the percentage changed.
    func advance(_ event: ScriptEvent) {
        guard case .exchange = event else { return }
        done += 1
        let percent = done * 100 / total
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        Self.draw("\r[\(bar)] \(done)/\(total)")
    }

    /// Clears the bar's line.
    func finish() {
        Self.draw("\r\u{1B}[K")
    }

    /// Writes `text` to standard error as it is, control characters included.
    private static func draw(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }
}
