import APDUScript
import Foundation

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
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
    }

    /// Clears the bar's line.
    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
