#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files that other processes replace atomically (with ``AtomicFile``): a read sees
/// either the old contents or the new ones, never a mix.
public enum FileContents {
    /// The bytes of the file at `path`, or nil when there is no file there (it may appear or
    /// disappear at any time). A directory in its place, a file that cannot be read, or more than
    /// `limit` bytes (a device such as `/dev/zero` never ends: `EFBIG`) is an error.
    public static func read(_ path: String, limit: Int = 64 << 20) throws(FileSafetyError) -> [UInt8]? {
        let fd: Int32
        do {
            fd = try system_open(path, O_RDONLY)
        } catch {
            if error.errno == ENOENT { return nil }
            throw error
        }
        defer { try? system_close(fd, path) }
        let status = try system_fstat(fd, path)
        if status.st_mode & S_IFMT == S_IFDIR { throw FileSafetyError(path: path, reason: .system(EISDIR)) }
        return try system_readAll(fd, path, limit: limit, expected: Int(status.st_size))
    }
}
