#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates directories with the permissions the caller asks for.
public enum Directories {
    /// Makes `path` and every missing directory above it with `permissions` (as `mkdir -p -m`);
    /// directories that exist are left as they are. Something other than a directory in the way
    /// is an error.
    public static func create(_ path: String, permissions: FilePermissions) throws(FileSafetyError) {
        if let status = try system_stat(path) {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw FileSafetyError(path: path, reason: .system(ENOTDIR))
            }
            return
        }
        let parent = FilePaths.directory(of: path)
        if parent != path { try create(parent, permissions: permissions) }
        do {
            try system_mkdir(path, permissions.rawValue)
        } catch {
            guard error.errno == EEXIST, let status = try system_stat(path), status.st_mode & S_IFMT == S_IFDIR else {
                throw error
            }
        }
    }
}
