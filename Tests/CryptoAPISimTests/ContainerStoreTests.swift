import CryptoAPISim
import Foundation
import Testing

@Suite("Key containers outlive contexts and runs")
struct ContainerStoreTests {
    /// A fresh temporary directory for a store.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("scard-crypt-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("pinned: NEWKEYSET, release, re-acquire with no flag (persisted), DELETEKEYSET sets 0, then NTE_BAD_KEYSET")
    func persistenceAcrossContexts() {
        let fixture = Fixture()
        let created = fixture.acquire("kc1", flags: CRYPT_NEWKEYSET)
        #expect(created.ok)
        #expect(fixture.thread.releaseContext(created.handle, flags: 0))
        let reopened = fixture.acquire("kc1")
        #expect(reopened.ok)
        #expect(fixture.thread.releaseContext(reopened.handle, flags: 0))
        let deleted = fixture.acquire("kc1", flags: CRYPT_DELETEKEYSET)
        #expect(deleted.ok)
        #expect(deleted.handle == nil)
        #expect(!fixture.acquire("kc1").ok)
        #expect(fixture.thread.lastError == .badKeyset)
        #expect(fixture.live == 0)
    }

    @Test("a directory store keeps containers between simulated processes (runs)")
    func persistenceAcrossRuns() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = Fixture(store: try ContainerStore(location: .directory(directory.path)))
        #expect(first.acquire("kc1", flags: CRYPT_NEWKEYSET).ok)
        let second = Fixture(store: try ContainerStore(location: .directory(directory.path)))
        #expect(second.acquire("kc1").ok)
        #expect(!second.acquire("kc1", flags: CRYPT_NEWKEYSET).ok)
        #expect(second.thread.lastError == .exists)
        #expect(second.acquire("kc1", flags: CRYPT_DELETEKEYSET).ok)
        #expect(!first.acquire("kc1").ok)
        #expect(first.thread.lastError == .badKeyset)
    }

    @Test("a damaged store file is a clear error when opened, never a crash")
    func damagedFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(ContainerStore.fileName)
        for content in ["{not json", "[]", #"{"format":"other","version":1,"containers":[]}"#,
                        #"{"format":"scard-crypt-containers","version":9,"containers":[]}"#] {
            try Data(content.utf8).write(to: file)
            #expect {
                _ = try ContainerStore(location: .directory(directory.path))
            } throws: { error in
                let text = (error as? ContainerStoreError)?.description ?? ""
                return text.hasPrefix("container store \(file.path) ")
            }
        }
    }

    @Test("a store file that becomes damaged makes the call fail with NTE_FAIL and a diagnostic")
    func damagedDuringRun() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixture = Fixture(store: try ContainerStore(location: .directory(directory.path)))
        #expect(fixture.acquire("kc1", flags: CRYPT_NEWKEYSET).ok)
        try Data("garbage".utf8).write(to: directory.appendingPathComponent(ContainerStore.fileName))
        #expect(!fixture.acquire("kc1").ok)
        #expect(fixture.thread.lastError == .failure)
        let notes = fixture.simulator.takeDiagnostics(of: "T1")
        #expect(notes.count == 1)
        #expect(notes.first?.contains("is damaged") == true)
        #expect(fixture.acquire(flags: CRYPT_VERIFYCONTEXT).ok)
    }

    @Test("a store whose file cannot be written fails the change, says why and keeps it as the write failure")
    func unwritable() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent(ContainerStore.fileName)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/nonexistent/dir/containers.json")
        let store = try ContainerStore(location: .directory(directory.path))
        #expect(store.writeFailure == nil)
        let expected = ContainerStoreError(
            path: link.path, problem: "cannot be written (No such file or directory)", isWriteFailure: true)
        #expect(throws: expected) {
            try store.create(ContainerID(provider: "Microsoft Base Cryptographic Provider v1.0", machine: false, name: "n"))
        }
        #expect(store.writeFailure == expected)
        #expect(try store.containers().isEmpty)
    }

    @Test("a store directory under a regular file cannot be opened: the error names the file and ENOTDIR")
    func directoryUnderFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocker = directory.appendingPathComponent("file")
        try Data().write(to: blocker)
        let file = blocker.appendingPathComponent("store").appendingPathComponent(ContainerStore.fileName)
        #expect(throws: ContainerStoreError(path: file.path, problem: "cannot be read (Not a directory)")) {
            _ = try ContainerStore(location: .directory(blocker.appendingPathComponent("store").path))
        }
    }

    @Test("the default directory: SCARD_CRYPT_STORE, then XDG_DATA_HOME/scard/crypt, then ~/.local/share/scard/crypt")
    func defaultDirectory() {
        #expect(ContainerStore.defaultDirectory(environment: ["SCARD_CRYPT_STORE": "/s", "XDG_DATA_HOME": "/x"]) == "/s")
        #expect(ContainerStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/scard/crypt")
        #expect(ContainerStore.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.local/share/scard/crypt")
        #expect(ContainerStore.defaultDirectory(environment: ["SCARD_CRYPT_STORE": "", "HOME": "/h"])
            == "/h/.local/share/scard/crypt")
    }
}
