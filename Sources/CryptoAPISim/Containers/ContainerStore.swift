import Foundation
import Synchronization

/// Where key containers are kept: in memory for one run, or in a directory so they outlive the
/// process, as containers outlive contexts on Windows.
///
/// A directory store is one JSON file, `containers.json`, read before and written after every
/// change (an atomic replace), so runs of `scard crypt` see each other's containers. A file that
/// cannot be read or parsed is a ``ContainerStoreError``, never a crash.
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
    private let cache: Mutex<[ContainerRecord]>

    /// Opens a store; a directory store's file is read now, so a damaged one is reported at once.
    public init(location: Location) throws(ContainerStoreError) {
        self.location = location
        self.cache = Mutex([])
        if case .directory = location {
            let records = try read()
            cache.withLock { $0 = records }
        }
    }

    /// Creates an empty in-memory store (which never touches a file, so cannot fail).
    public init() {
        self.location = .memory
        self.cache = Mutex([])
    }

    /// The file of a directory store, or nil for a memory store.
    public var fileURL: URL? {
        guard case .directory(let path) = location else { return nil }
        return URL(fileURLWithPath: path).appendingPathComponent(Self.fileName)
    }

    /// Every container, in creation order.
    public func containers() throws(ContainerStoreError) -> [ContainerRecord] {
        try refresh()
    }

    /// The container with this identity, or nil.
    public func container(_ id: ContainerID) throws(ContainerStoreError) -> ContainerRecord? {
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
    public func setKeyPair(_ pair: StoredKeyPair, in id: ContainerID) throws(ContainerStoreError) -> Bool {
        try modify { records in
            guard let index = records.firstIndex(where: { $0.id == id }) else { return false }
            records[index].setKeyPair(pair)
            return true
        }
    }

    /// Replaces a container's record (its key pairs); false when it does not exist.
    @discardableResult
    public func update(_ record: ContainerRecord) throws(ContainerStoreError) -> Bool {
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
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/scard/crypt").path
    }

    private func refresh() throws(ContainerStoreError) -> [ContainerRecord] {
        guard case .directory = location else { return cache.withLock { $0 } }
        let records = try read()
        cache.withLock { $0 = records }
        return records
    }

    private func modify(_ change: (inout [ContainerRecord]) -> Bool) throws(ContainerStoreError) -> Bool {
        var records = try refresh()
        guard change(&records) else { return false }
        try write(records)
        cache.withLock { $0 = records }
        return true
    }

    private func read() throws(ContainerStoreError) -> [ContainerRecord] {
        guard let url = fileURL else { return [] }
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ContainerStoreError(path: url.path, problem: "cannot be read (\(Self.reason(error)))")
        }
        do {
            let file = try JSONDecoder().decode(ContainerFile.self, from: data)
            guard file.format == ContainerFile.formatName else {
                throw ContainerStoreError(path: url.path, problem: "is not a scard container store")
            }
            guard file.version == ContainerFile.currentVersion else {
                throw ContainerStoreError(path: url.path, problem: "has unsupported version \(file.version)")
            }
            return file.containers
        } catch let error as ContainerStoreError {
            throw error
        } catch {
            throw ContainerStoreError(
                path: url.path, problem: "is damaged and cannot be parsed; move it away to start with an empty store")
        }
    }

    private func write(_ records: [ContainerRecord]) throws(ContainerStoreError) {
        guard let url = fileURL else { return }
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(ContainerFile(containers: records))
            try data.write(to: url, options: .atomic)
        } catch {
            throw ContainerStoreError(path: url.path, problem: "cannot be written (\(Self.reason(error)))")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

/// Why the container store could not be used: the file and what is wrong with it.
public struct ContainerStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The store's file.
    public let path: String
    /// What is wrong, as a phrase that follows the path.
    public let problem: String

    /// Creates an error.
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    /// `container store /x/containers.json is damaged ...`.
    public var description: String { "container store \(path) \(problem)" }
}
