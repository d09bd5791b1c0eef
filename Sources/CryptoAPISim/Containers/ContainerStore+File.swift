import FileSafety

extension ContainerStore {
    /// Reads and checks the store's file; no file yet is an empty store. A plain read takes no
    /// lock: writers replace the file with a rename, so it is always whole.
    static func read(_ path: String) throws(ContainerStoreError) -> [ContainerRecord] {
        let bytes: [UInt8]?
        do {
            bytes = try FileContents.read(path)
        } catch {
            throw ContainerStoreError(path: path, problem: "cannot be read (\(error.reasonText))")
        }
        guard let bytes else { return [] }
        return try ContainerFile.decode(bytes, path: path)
    }

    /// Creates the directory (`0700`), takes the lock, re-reads, changes and writes the file.
    func modifyFile(_ path: String, _ change: (inout [ContainerRecord]) -> Bool) throws(ContainerStoreError) -> Bool {
        do {
            try Directories.create(FilePaths.directory(of: path), permissions: .ownerOnlyDirectory)
        } catch {
            throw ContainerStoreError(
                path: path, problem: "cannot be written (\(error.path): \(error.reasonText))", isWriteFailure: true)
        }
        let lock: FileLock
        do {
            lock = try FileLock(guarding: path, timeout: lockTimeout)
        } catch {
            throw ContainerStoreError(path: path, problem: Self.phrase(error), isWriteFailure: true)
        }
        let outcome: Result<Bool, ContainerStoreError>
        do throws(ContainerStoreError) {
            outcome = .success(try changeLocked(path, change))
        } catch {
            outcome = .failure(error)
        }
        lock.release()
        return try outcome.get()
    }

    private func changeLocked(_ path: String, _ change: (inout [ContainerRecord]) -> Bool) throws(ContainerStoreError) -> Bool {
        _ = try? AtomicFile.removeLeftovers(of: path)
        var records = try Self.read(path)
        guard change(&records) else {
            remember(records)
            return false
        }
        let bytes: [UInt8]
        do {
            bytes = try ContainerFile.encode(records)
        } catch {
            throw ContainerStoreError(path: path, problem: "cannot be written (\(error))", isWriteFailure: true)
        }
        do {
            try AtomicFile.write(bytes, to: path, creatingWith: .ownerReadWrite)
        } catch {
            throw ContainerStoreError(path: path, problem: Self.phrase(error), isWriteFailure: true)
        }
        remember(records)
        return true
    }

    /// The problem phrase for a lock or write that failed.
    private static func phrase(_ error: FileSafetyError) -> String {
        if case .lockedByAnotherProcess = error.reason { return "is \(error.reasonText)" }
        return "cannot be written (\(error.reasonText))"
    }
}
