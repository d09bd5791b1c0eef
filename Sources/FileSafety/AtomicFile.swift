#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents atomically: readers see the old file or the new one, never a torn
/// one, and a crash at any moment leaves one of the two.
///
/// The bytes go to a temporary file in the same directory, which is flushed (`fsync`), renamed
/// over the target, and the directory flushed too. The rules for what the new file is:
/// - an existing file keeps its permission bits (and, where the process may set them, its owner
///   and group); a new one gets the permissions the caller names, less the umask;
/// - a symbolic link stays a link: the file at the end of its chain is replaced (the temporary
///   file goes in that file's directory);
/// - a device or pipe in its place (`/dev/stdout`) is written directly, as it cannot be replaced;
/// - a directory in its place, a missing directory, a full disk or a refused permission is a
///   ``FileSafetyError`` naming the path as given, and nothing of the old file is lost.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically, creating a new file with `permissions`.
    public static func write(
        _ bytes: [UInt8], to path: String, creatingWith permissions: FilePermissions
    ) throws(FileSafetyError) {
        do {
            try replace(path, with: bytes, permissions: permissions)
        } catch {
            throw FileSafetyError(path: path, reason: error.reason)
        }
    }

    /// The prefix of the temporary files a write to `path` makes beside the file.
    public static func temporaryPrefix(of path: String) -> String {
        "." + FilePaths.name(of: path) + ".tmp-"
    }

    /// Removes the temporary files that writes to `path` left behind when their process died
    /// before the rename. Only safe while holding the lock every writer of `path` takes
    /// (``FileLock``); returns how many were removed.
    @discardableResult
    public static func removeLeftovers(of path: String) throws(FileSafetyError) -> Int {
        let target = try FilePaths.followingLinks(path)
        let directory = FilePaths.directory(of: target)
        let prefix = temporaryPrefix(of: target)
        var removed = 0
        for name in try system_directoryEntries(directory) where name.hasPrefix(prefix) {
            do {
                try system_unlink(directory + "/" + name)
                removed += 1
            } catch where error.errno == ENOENT {
                continue
            }
        }
        return removed
    }

    private static func replace(_ path: String, with bytes: [UInt8], permissions: FilePermissions) throws(FileSafetyError) {
        let target = try FilePaths.followingLinks(path)
        let existing = try system_stat(target)
        if let existing {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw FileSafetyError(path: target, reason: .system(EISDIR))
            default: return try writeInPlace(target, bytes)
            }
        }
        let directory = FilePaths.directory(of: target)
        let temporary = directory + "/" + temporaryPrefix(of: target)
            + "\(system_processID())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
        let fd = try system_open(
            temporary, O_WRONLY | O_CREAT | O_EXCL,
            existing == nil ? permissions.rawValue : FilePermissions.ownerReadWrite.rawValue)
        var open = true
        do {
            if let existing { try keepOwnership(of: existing, on: fd, temporary) }
            try system_writeAll(fd, bytes, temporary)
            try system_fsync(fd, temporary)
            open = false
            try system_close(fd, temporary)
            try system_rename(temporary, target)
        } catch {
            if open { try? system_close(fd, temporary) }
            try? system_unlink(temporary)
            throw error
        }
        flushDirectory(directory)
    }

    /// Gives the new file the old one's permission bits, and its owner and group where allowed.
    private static func keepOwnership(of existing: stat, on fd: Int32, _ path: String) throws(FileSafetyError) {
        if existing.st_uid != system_effectiveUserID() || existing.st_gid != system_effectiveGroupID() {
            try? system_fchown(fd, existing.st_uid, existing.st_gid, path)
        }
        try system_fchmod(fd, existing.st_mode & 0o7777, path)
    }

    /// Writes straight into a file that cannot be replaced (a device, a pipe, a socket).
    private static func writeInPlace(_ path: String, _ bytes: [UInt8]) throws(FileSafetyError) {
        let fd = try system_open(path, O_WRONLY | O_TRUNC)
        do {
            try system_writeAll(fd, bytes, path)
        } catch {
            try? system_close(fd, path)
            throw error
        }
        try system_close(fd, path)
    }

    /// Flushes a directory so a rename in it survives a crash; file systems that cannot flush a
    /// directory (`EINVAL`) already keep it.
    private static func flushDirectory(_ directory: String) {
        guard let fd = try? system_open(directory, O_RDONLY | O_DIRECTORY) else { return }
        try? system_fsync(fd, directory)
        try? system_close(fd, directory)
    }
}
