#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The permission bits a new file or directory is created with (the process's umask still
/// removes bits from them).
public struct FilePermissions: RawRepresentable, Equatable, Hashable, Sendable {
    /// The bits, as `chmod` takes them (`0o600`).
    public let rawValue: mode_t

    /// Creates permissions from their bits.
    public init(rawValue: mode_t) {
        self.rawValue = rawValue & 0o7777
    }

    /// `0600`: read and write for the owner only, for files that hold secrets.
    public static let ownerReadWrite = FilePermissions(rawValue: 0o600)
    /// `0644`: written by the owner, readable by all, for reports and transcripts.
    public static let ownerWriteAllRead = FilePermissions(rawValue: 0o644)
    /// `0700`: a directory only its owner can list or enter.
    public static let ownerOnlyDirectory = FilePermissions(rawValue: 0o700)
}
