#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Every C call of FileSafety goes through one function here: one seam for errno handling.
// Each returns the call's result or throws the errno it left, retrying when a signal
// interrupted it (EINTR).

/// The errno of the last failed call, as a ``FileSafetyError`` about `path`.
func lastError(_ path: String) -> FileSafetyError {
    FileSafetyError(path: path, reason: .system(errno))
}

/// Runs a call until it is not interrupted by a signal; -1 throws the errno about `path`.
@discardableResult
func retrying<Result: BinaryInteger>(_ path: String, _ call: () -> Result) throws(FileSafetyError) -> Result {
    while true {
        let result = call()
        if result != -1 { return result }
        if errno != EINTR { throw lastError(path) }
    }
}

/// Opens a file. The corresponding C function is `open`.
func system_open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) throws(FileSafetyError) -> Int32 {
    try retrying(path) { open(path, flags | O_CLOEXEC, mode) }
}

/// Closes a descriptor. The corresponding C function is `close`.
func system_close(_ fd: Int32, _ path: String) throws(FileSafetyError) {
    if close(fd) == -1, errno != EINTR { throw lastError(path) }
}

/// Writes all of `bytes` (a short write continues). The corresponding C function is `write`.
func system_writeAll(_ fd: Int32, _ bytes: [UInt8], _ path: String) throws(FileSafetyError) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer in write(fd, buffer.baseAddress! + offset, buffer.count - offset) }
        if written == -1 {
            if errno == EINTR { continue }
            throw lastError(path)
        }
        offset += written
    }
}

/// Reads a descriptor to its end, refusing more than `limit` bytes. The bytes go straight into the
/// array, sized for `expected` bytes (the file's size, when known) so that a regular file is read
/// without copying. The corresponding C function is `read`, in a loop.
func system_readAll(_ fd: Int32, _ path: String, limit: Int, expected: Int = 0) throws(FileSafetyError) -> [UInt8] {
    // One byte beyond the expected size, so that the end of the file is seen without growing.
    var bytes = [UInt8](repeating: 0, count: max(min(expected, limit), 0) + 1)
    var filled = 0
    while true {
        if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 64 * 1024))) }
        let count = bytes.withUnsafeMutableBytes { buffer in read(fd, buffer.baseAddress! + filled, buffer.count - filled) }
        if count == -1 {
            if errno == EINTR { continue }
            throw lastError(path)
        }
        if count == 0 {
            bytes.removeLast(bytes.count - filled)
            return bytes
        }
        filled += count
        guard filled <= limit else { throw FileSafetyError(path: path, reason: .system(EFBIG)) }
    }
}

/// Flushes a descriptor's data to the disk. The corresponding C function is `fsync`.
func system_fsync(_ fd: Int32, _ path: String) throws(FileSafetyError) {
    try retrying(path) { fsync(fd) }
}

/// Sets a descriptor's permission bits. The corresponding C function is `fchmod`.
func system_fchmod(_ fd: Int32, _ mode: mode_t, _ path: String) throws(FileSafetyError) {
    try retrying(path) { fchmod(fd, mode) }
}

/// Sets a descriptor's owner and group. The corresponding C function is `fchown`.
func system_fchown(_ fd: Int32, _ owner: uid_t, _ group: gid_t, _ path: String) throws(FileSafetyError) {
    try retrying(path) { fchown(fd, owner, group) }
}

/// Renames a file, replacing the target. The corresponding C function is `rename`.
func system_rename(_ from: String, _ to: String) throws(FileSafetyError) {
    try retrying(to) { rename(from, to) }
}

/// Removes a name. The corresponding C function is `unlink`.
func system_unlink(_ path: String) throws(FileSafetyError) {
    try retrying(path) { unlink(path) }
}

/// Makes a directory. The corresponding C function is `mkdir`.
func system_mkdir(_ path: String, _ mode: mode_t) throws(FileSafetyError) {
    try retrying(path) { mkdir(path, mode) }
}

/// The status of a path, following symbolic links, or nil when nothing is there. The
/// corresponding C function is `stat`.
func system_stat(_ path: String) throws(FileSafetyError) -> stat? {
    var status = stat()
    if stat(path, &status) == 0 { return status }
    if errno == ENOENT { return nil }
    throw lastError(path)
}

/// The status of a path itself (a symbolic link is not followed), or nil when nothing is there.
/// The corresponding C function is `lstat`.
func system_lstat(_ path: String) throws(FileSafetyError) -> stat? {
    var status = stat()
    if lstat(path, &status) == 0 { return status }
    if errno == ENOENT { return nil }
    throw lastError(path)
}

/// The status of an open descriptor. The corresponding C function is `fstat`.
func system_fstat(_ fd: Int32, _ path: String) throws(FileSafetyError) -> stat {
    var status = stat()
    try retrying(path) { fstat(fd, &status) }
    return status
}

/// The target of a symbolic link. The corresponding C function is `readlink`.
func system_readlink(_ path: String) throws(FileSafetyError) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = try retrying(path) { readlink(path, &buffer, buffer.count - 1) }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Tries to take an exclusive lock without waiting; false when another holds it. The
/// corresponding C function is `flock` with `LOCK_EX | LOCK_NB`.
func system_tryLockExclusive(_ fd: Int32, _ path: String) throws(FileSafetyError) -> Bool {
    while true {
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
        switch errno {
        case EINTR: continue
        case EWOULDBLOCK: return false
        default: throw lastError(path)
        }
    }
}

/// The names in a directory, without `.` and `..`. The corresponding C functions are
/// `opendir`, `readdir` and `closedir`.
func system_directoryEntries(_ path: String) throws(FileSafetyError) -> [String] {
    guard let directory = opendir(path) else { throw lastError(path) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) {
                String(cString: $0)
            }
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}

/// The process's id. The corresponding C function is `getpid`.
func system_processID() -> Int32 {
    getpid()
}

/// The effective user id. The corresponding C function is `geteuid`.
func system_effectiveUserID() -> uid_t {
    geteuid()
}

/// The effective group id. The corresponding C function is `getegid`.
func system_effectiveGroupID() -> gid_t {
    getegid()
}

/// The text of an errno value. The corresponding C function is `strerror`.
func system_errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
}

/// Sleeps for a number of microseconds. The corresponding C function is `usleep`.
func system_sleep(microseconds: UInt32) {
    usleep(microseconds)
}
