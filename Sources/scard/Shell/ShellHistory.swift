import FileSafety
@preconcurrency import Glibc

/// The shell's history file: `$XDG_STATE_HOME/scard/history`, else `~/.local/state/scard/history`;
/// one line per entry, the newest last, at most ``limit`` entries. Each line is added under the
/// file's lock to what the file holds then, and the file rewritten atomically (FileSafety), so that
/// two shells at once keep each other's lines and a crash never leaves it torn.
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

    /// How long a line waits for another shell that holds the file's lock; the prompt must come back.
    static let lockTimeout = Duration.seconds(1)

    /// Adds a line (not a repeat of the last one) and adds it to the file; a failed write is returned
    /// as a message for the user, and the shell goes on.
    mutating func add(_ line: String) -> String? {
        guard !line.isEmpty, entries.last != line else { return nil }
        entries.append(line)
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
        return save(line)
    }

    /// Adds `line` to the entries the file holds now (another shell may have added some) under the
    /// file's lock, and rewrites it; the directory is created owner only. Nil when it worked.
    func save(_ line: String) -> String? {
        guard let path else { return nil }
        do {
            try Directories.create(FilePaths.directory(of: path), permissions: .ownerOnlyDirectory)
            let lock = try FileLock(guarding: path, timeout: Self.lockTimeout)
            var saved = ShellHistory(path: path).entries
            if saved.last != line { saved.append(line) }
            let text = saved.suffix(Self.limit).map { $0 + "\n" }.joined()
            try AtomicFile.write(Array(text.utf8), to: path, creatingWith: .ownerReadWrite)
            lock.release()
            return nil
        } catch {
            return "cannot write the history: \(error)"
        }
    }
}
