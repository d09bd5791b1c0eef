import Foundation

/// A fresh directory under the system's temporary directory, removed (after making it writable
/// again) when the value goes.
final class TemporaryDirectory {
    /// The directory's path.
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("scard-filesafety-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    deinit {
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
}
