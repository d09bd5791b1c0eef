import FileSafety
import Foundation
import Testing

@Suite("FileLock: an exclusive lock beside a file, with a bounded wait")
struct FileLockTests {
    @Test("a held lock makes a second taker fail after its timeout, naming the lock file; released, it can be taken")
    func boundedWait() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("store.json")
        let first = try FileLock(guarding: file)
        #expect(first.lockFile == file + ".lock")
        let started = ContinuousClock.now
        #expect {
            _ = try FileLock(guarding: file, timeout: .milliseconds(300))
        } throws: { error in
            let error = error as? FileSafetyError
            return error?.reason == .lockedByAnotherProcess(lockFile: file + ".lock", seconds: 0.3)
                && error?.path == file
                && error?.reasonText == "locked by another process (\(file).lock, waited 0.3 s)"
        }
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        first.release()
        let second = try FileLock(guarding: file, timeout: .milliseconds(300))
        second.release()
        let mode = try FileManager.default.attributesOfItem(atPath: file + ".lock")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a linked file is guarded by the lock beside its target")
    func linkSharesLock() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory.file("link"), withDestinationPath: directory.file("real"))
        let lock = try FileLock(guarding: directory.file("link"))
        #expect(lock.lockFile == directory.file("real.lock"))
        #expect(throws: FileSafetyError.self) { _ = try FileLock(guarding: directory.file("real"), timeout: .milliseconds(50)) }
    }

    @Test("8 threads x 25 locked read-increment-write cycles on one counter file lose no increment")
    func mutualExclusion() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("counter")
        try AtomicFile.write(Array("0".utf8), to: file, creatingWith: .ownerReadWrite)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<25 {
                        let lock = try FileLock(guarding: file)
                        let value = Int(String(decoding: try FileContents.read(file) ?? [], as: UTF8.self)) ?? -1000
                        try AtomicFile.write(Array(String(value + 1).utf8), to: file, creatingWith: .ownerReadWrite)
                        lock.release()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(String(decoding: try FileContents.read(file) ?? [], as: UTF8.self) == "200")
    }
}
