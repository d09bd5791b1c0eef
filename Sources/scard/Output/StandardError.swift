@preconcurrency import Glibc

/// Writes lines to standard error, which keeps standard output clean for data and JSON.
enum StandardError {
    /// The longest line written, in characters after escaping; longer ones are cut short.
    static let lineLimit = 4096

    /// Writes one line to standard error: control characters are escaped (a message is always one
    /// line, whatever input it echoes) and the line is bounded to ``lineLimit`` characters. What
    /// standard output holds so far is written out first, so that both read in order when they share
    /// a file or pipe (a failure there stays on the stream, for ``StandardOutput/finish()``).
    static func write(_ line: String) {
        fflush(stdout)
        let head = String(String.UnicodeScalarView(line.unicodeScalars.prefix(lineLimit + 1)))
        var text = EchoedText.bounded(EchoedText.escaped(head), limit: lineLimit)
        text += "\n"
        text.withUTF8 { writeAll($0) }
    }

    /// Writes bytes to descriptor 2 with `write`, retrying on EINTR; a failure is ignored, as there
    /// is nowhere left to report it.
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Glibc.write(STDERR_FILENO, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            next += written
            left -= written
        }
    }
}
