#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on `<file>.lock` beside a file, for the processes that
/// read, change and write that file: while one holds it, the others wait.
///
/// The wait is bounded: a lock held by a stuck process is a ``FileSafetyError`` with
/// ``FileSafetyError/Reason/lockedByAnotherProcess(lockFile:seconds:)`` after `timeout`, never a
/// hang. The lock goes when the value does (or with ``release()``), and with the process if it
/// dies. The lock file is created (`0600`) when missing and never removed, so every process
/// locks the same file.
public struct FileLock: ~Copyable {
    /// The lock file.
    public let lockFile: String
    private let fd: Int32

    /// The lock file that guards `path`: beside the file at the end of its symbolic links.
    public static func lockFile(for path: String) throws(FileSafetyError) -> String {
        try FilePaths.followingLinks(path) + ".lock"
    }

    /// Takes the lock guarding `path`, waiting at most `timeout` for another process to let it go.
    public init(guarding path: String, timeout: Duration = .seconds(10)) throws(FileSafetyError) {
        let lockFile = try Self.lockFile(for: path)
        let fd = try system_open(lockFile, O_RDWR | O_CREAT, FilePermissions.ownerReadWrite.rawValue)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var pause: UInt32 = 500
        do throws(FileSafetyError) {
            while try !system_tryLockExclusive(fd, lockFile) {
                guard clock.now < deadline else {
                    let seconds = Double(timeout.components.seconds)
                        + Double(timeout.components.attoseconds) / 1e18
                    throw FileSafetyError(
                        path: path, reason: .lockedByAnotherProcess(lockFile: lockFile, seconds: seconds))
                }
                system_sleep(microseconds: UInt32.random(in: pause / 2...pause))
                pause = min(pause * 2, 20_000)
            }
        } catch {
            try? system_close(fd, lockFile)
            throw error
        }
        self.lockFile = lockFile
        self.fd = fd
    }

    /// Lets the lock go now rather than when the value goes.
    public consuming func release() {}

    deinit {
        try? system_close(fd, lockFile)
    }
}
