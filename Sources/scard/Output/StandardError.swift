import Foundation

/// Writes lines to standard error, which keeps standard output clean for data and JSON.
enum StandardError {
    /// Writes one line to standard error.
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
