@preconcurrency import Glibc

/// Standard output for everything `scard` prints, through the buffered C stream. A write that
/// fails (a full disk, `/dev/full`, a pipe whose reader is gone) ends the run at once with one line
/// on standard error and exit 8, like coreutils: output is never lost in silence.
enum StandardOutput {
    /// Writes UTF-8 text as it is, in order with everything `print` writes.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        if fwrite(bytes.baseAddress, 1, bytes.count, stdout) < bytes.count || ferror(stdout) != 0 {
            fail(errno)
        }
    }

    /// Writes `text` as it is (no line break is added), in order with everything `print` writes.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    /// Writes out what is buffered now; a failure ends the run as any failed write does.
    static func flush() {
        if fflush(stdout) != 0 { fail(errno) }
    }

    /// Flushes what is buffered and checks that every write reached its destination; ends the run
    /// with exit 8 when one did not. Called once, after the command and before exiting.
    static func finish() {
        if fflush(stdout) != 0 || ferror(stdout) != 0 {
            fail(errno)
        }
    }

    /// Reports a failed write (`scard: cannot write standard output: No space left on device`) and
    /// exits with ``ExitStatus/writeFailed``.
    static func fail(_ code: Int32) -> Never {
        let reason = code == 0 ? "input/output error" : String(cString: strerror(code))
        StandardError.write("scard: cannot write standard output: \(reason)")
        _exit(ExitStatus.writeFailed.rawValue)
    }
}

/// Writes `items` to standard output as Swift's `print` does, through ``StandardOutput``, so a
/// failed write ends the run with exit 8; every unqualified `print` in this module calls this one.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    var text = ""
    for (index, item) in items.enumerated() {
        if index > 0 { text += separator }
        text += String(describing: item)
    }
    text += terminator
    StandardOutput.write(text)
}

/// Writes one string to standard output through ``StandardOutput``, as `print` does, without the
/// dynamic casts that formatting an `Any` costs at start-up.
func print(_ text: String, terminator: String = "\n") {
    StandardOutput.write(text + terminator)
}
