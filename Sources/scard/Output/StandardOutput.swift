@preconcurrency import Glibc

/// Standard output for text built in one piece, through the same buffered C stream `print` uses.
enum StandardOutput {
    /// Writes UTF-8 text as it is, in order with everything `print` writes.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        _ = fwrite(bytes.baseAddress, 1, bytes.count, stdout)
    }

    /// Writes `text` as it is (no line break is added), in order with everything `print` writes.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = fwrite(bytes.baseAddress, 1, bytes.count, stdout)
        }
    }
}
