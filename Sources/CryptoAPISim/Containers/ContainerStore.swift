import FileSafety
import FoundationEssentials
import Synchronization

/// Where key containers are kept: in memory for one run, or in a directory so they outlive the
/// process, as containers outlive contexts on Windows.
///
/// A directory store is one JSON file, `containers.json`, so runs of `scard crypt` see each
/// other's containers. Every change takes an exclusive lock (`containers.json.lock`), re-reads
/// the file, applies the change and replaces the file atomically, so processes changing the
/// store at once lose none of each other's changes, readers never see a torn file, and a crash
/// loses at most the change in flight. The directory is created `0700` and the file `0600` (it
/// holds private keys); a mode the user set on the file is kept, and a symbolic link is written
/// through. A file that cannot be read, parsed or checked is a ``ContainerStoreError``, never a
/// crash.
public final class ContainerStore: Sendable {
    /// Where a store keeps its containers.
    public enum Location: Sendable, Equatable {
        /// In memory: gone when the store is.
        case memory
        /// In `containers.json` under this directory (created when first written).
        case directory(String)
    }

    /// The file name of a directory store.
    public static let fileName = "containers.json"

    /// Where this store keeps its containers.
    public let location: Location

    /// How long a change waits by default for another process to let the store's lock go.
    public static let defaultLockTimeout: Duration = .seconds(10)

    /// How long a change of this store waits for another process to let the store's lock go.
    public let lockTimeout: Duration

    private let cache: Mutex<[ContainerRecord]>
    private let writeFailures: Mutex<ContainerStoreError?>

    /// Opens a store; a directory store's file is read now, so a damaged one is reported at once.
    public init(location: Location, lockTimeout: Duration = ContainerStore.defaultLockTimeout) throws(ContainerStoreError) {
        self.location = location
        self.lockTimeout = lockTimeout
        self.cache = Mutex([])
        self.writeFailures = Mutex(nil)
        if let path = filePath {
            let records = try Self.read(path)
            cache.withLock { $0 = records }
        }
    }

    /// Creates an empty in-memory store (which never touches a file, so cannot fail).
    public init() {
        self.location = .memory
        self.lockTimeout = Self.defaultLockTimeout
        self.cache = Mutex([])
        self.writeFailures = Mutex(nil)
    }

    /// The file of a directory store, or nil for a memory store.
    public var fileURL: URL? {
        filePath.map { URL(fileURLWithPath: $0) }
    }

    /// The path of a directory store's file, or nil for a memory store.
    public var filePath: String? {
        guard case .directory(let path) = location else { return nil }
        return (path.hasSuffix("/") ? path : path + "/") + Self.fileName
    }

    /// The first change this store could not write (its lock not free in time, the directory or
    /// the file not writable), or nil; the call that made it has failed with that error too.
    public var writeFailure: ContainerStoreError? {
        writeFailures.withLock { $0 }
    }

    /// Every container, in creation order.
    package func containers() throws(ContainerStoreError) -> [ContainerRecord] {
        try refresh()
    }

    /// The container with this identity, or nil.
    package func container(_ id: ContainerID) throws(ContainerStoreError) -> ContainerRecord? {
        try refresh().first { $0.id == id }
    }

    /// Adds a container; false when one with that identity already exists.
    @discardableResult
    public func create(_ id: ContainerID) throws(ContainerStoreError) -> Bool {
        try modify { records in
            guard !records.contains(where: { $0.id == id }) else { return false }
            records.append(ContainerRecord(id: id))
            return true
        }
    }

    /// Removes a container and its key pairs; false when it did not exist.
    @discardableResult
    public func delete(_ id: ContainerID) throws(ContainerStoreError) -> Bool {
        try modify { records in
            guard let index = records.firstIndex(where: { $0.id == id }) else { return false }
            records.remove(at: index)
            return true
        }
    }

    /// Puts a key pair in a container, replacing one of the same kind; false when the container
    /// does not exist.
    @discardableResult
    package func setKeyPair(_ pair: StoredKeyPair, in id: ContainerID) throws(ContainerStoreError) -> Bool {
        try modify { records in
            guard let index = records.firstIndex(where: { $0.id == id }) else { return false }
            records[index].setKeyPair(pair)
            return true
        }
    }

    /// Replaces a container's record (its key pairs); false when it does not exist.
    @discardableResult
    package func update(_ record: ContainerRecord) throws(ContainerStoreError) -> Bool {
        try modify { records in
            guard let index = records.firstIndex(where: { $0.id == record.id }) else { return false }
            records[index] = record
            return true
        }
    }

    /// The default directory: `$SCARD_CRYPT_STORE`, else `$XDG_DATA_HOME/scard/crypt`, else
    /// `~/.local/share/scard/crypt`.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let path = environment["SCARD_CRYPT_STORE"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return URL(fileURLWithPath: data).appendingPathComponent("scard/crypt").path
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/scard/crypt").path
    }

    private func refresh() throws(ContainerStoreError) -> [ContainerRecord] {
        guard let path = filePath else { return cache.withLock { $0 } }
        let records = try Self.read(path)
        cache.withLock { $0 = records }
        return records
    }

    /// Keeps the records last read or written, for a memory store the records themselves.
    func remember(_ records: [ContainerRecord]) {
        cache.withLock { $0 = records }
    }

    /// Applies a change: in memory under the mutex; on disk under the store's lock, to the file as
    /// it is now (re-read under the lock), written back atomically when the change returns true.
    private func modify(_ change: (inout [ContainerRecord]) -> Bool) throws(ContainerStoreError) -> Bool {
        guard let path = filePath else { return cache.withLock { change(&$0) } }
        do {
            return try modifyFile(path, change)
        } catch {
            if error.isWriteFailure { writeFailures.withLock { if $0 == nil { $0 = error } } }
            throw error
        }
    }
}

/// Why the container store could not be used: the file and what is wrong with it.
public struct ContainerStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The store's file.
    public let path: String
    /// What is wrong, as a phrase that follows the path.
    public let problem: String
    /// Whether a change could not be written (rather than the file read).
    public let isWriteFailure: Bool

    /// Creates an error.
    public init(path: String, problem: String, isWriteFailure: Bool = false) {
        self.path = path
        self.problem = problem
        self.isWriteFailure = isWriteFailure
    }

    /// `container store /x/containers.json is damaged ...`.
    public var description: String { "container store \(path) \(problem)" }
}
