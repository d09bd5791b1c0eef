import FileSafety
@preconcurrency import Glibc

/// The shell's history file: `$XDG_STATE_HOME/scard/history`, else `~/.local/state/scard/history`;
/// one line per entry, the newest last, at most ``limit`` entries, rewritten atomically (FileSafety)
/// after each line so that two shells or a crash never leave it torn.
struct ShellHistory {
    /// The most entries kept.
    static let limit = 1000

    /// The file, or nil when neither `$XDG_STATE_HOME` nor `$HOME` is set.
    let path: String?
    /// The entries, oldest first.
    private(set) var entries: [String] = []

    /// The history at its usual place, read from the file when there is one; an unreadable file
    /// starts an empty history.
    init() {
        self.init(path: Self.defaultPath)
    }

    /// The history in `path` (nil: none kept).
    init(path: String?) {
        self.path = path
        guard let path, let bytes = try? FileContents.read(path, limit: 4 << 20) else { return }
        entries = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init).suffix(Self.limit)
    }

    /// `$XDG_STATE_HOME/scard/history`, else `$HOME/.local/state/scard/history`.
    static var defaultPath: String? {
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") { return state + "/scard/history" }
        if let home = environment("HOME"), !home.isEmpty { return home + "/.local/state/scard/history" }
        return nil
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Adds a line (not a repeat of the last one) and rewrites the file; a failed write is returned
    /// as a message for the user, once, and the shell goes on.
    mutating func add(_ line: String) -> String? {
        guard !line.isEmpty, entries.last != line else { return nil }
        entries.append(line)
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
        return save()
    }

    /// Writes the entries to the file, creating its directory (owner only); nil when it worked.
    func save() -> String? {
        guard let path else { return nil }
        do {
            try Directories.create(FilePaths.directory(of: path), permissions: .ownerOnlyDirectory)
            let text = entries.map { $0 + "\n" }.joined()
            try AtomicFile.write(Array(text.utf8), to: path, creatingWith: .ownerReadWrite)
            return nil
        } catch {
            return "cannot write the history: \(error)"
        }
    }
}
