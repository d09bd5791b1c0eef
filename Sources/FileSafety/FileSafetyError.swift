/// Why a file could not be read, written or locked: the path and the reason, with the system's
/// text for an errno ("No space left on device").
public struct FileSafetyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// A system call failed with this errno value.
        case system(Int32)
        /// Another process held the lock file for longer than the wait allowed.
        case lockedByAnotherProcess(lockFile: String, seconds: Double)
    }

    /// The file the caller named.
    public let path: String
    /// What went wrong.
    public let reason: Reason

    /// Creates an error.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The errno value of a failed system call, or nil for a lock that was not free in time.
    public var errno: Int32? {
        if case .system(let code) = reason { return code }
        return nil
    }

    /// The reason as a phrase: the system's text for an errno ("Permission denied"), or "locked by
    /// another process (x.lock)".
    public var reasonText: String {
        switch reason {
        case .system(let code):
            return system_errorText(code)
        case .lockedByAnotherProcess(let lockFile, let seconds):
            let tenths = Int((seconds * 10).rounded())
            let waited = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
            return "locked by another process (\(lockFile), waited \(waited) s)"
        }
    }

    /// `x.xml: No space left on device`.
    public var description: String { "\(path): \(reasonText)" }
}
