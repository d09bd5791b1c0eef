#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path arithmetic FileSafety needs: the directory and name of a path, and where a chain of
/// symbolic links ends.
public enum FilePaths {
    /// The most symbolic links followed before a path counts as a loop (`ELOOP`), as in Linux.
    static let maximumLinks = 40

    /// The directory part of `path` (`"."` for a bare name, `"/"` for a name under the root).
    public static func directory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        var directory = trimmed[..<slash]
        while directory.count > 1, directory.hasSuffix("/") { directory = directory.dropLast() }
        return String(directory)
    }

    /// The last component of `path`.
    public static func name(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The path a write to `path` lands on: `path` itself, or, when it is a symbolic link, the
    /// end of its chain of links (which need not exist yet). Directories along the way are left
    /// to the kernel.
    public static func followingLinks(_ path: String) throws(FileSafetyError) -> String {
        var current = path
        for _ in 0...maximumLinks {
            guard let status = try system_lstat(current), status.st_mode & S_IFMT == S_IFLNK else { return current }
            let target = try system_readlink(current)
            current = target.hasPrefix("/") ? target : directory(of: current) + "/" + target
        }
        throw FileSafetyError(path: path, reason: .system(ELOOP))
    }
}
