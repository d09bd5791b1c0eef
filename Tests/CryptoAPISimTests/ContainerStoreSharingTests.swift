import CryptoAPISim
import Foundation
import Testing

@Suite("Key containers: one store file shared by several stores at once, and what a read checks")
struct ContainerStoreSharingTests {
    static let provider = "Microsoft Enhanced RSA and AES Cryptographic Provider"

    @Test("8 stores on one directory, each on its own thread creating 10 containers: all 80 kept")
    func concurrentCreates() async throws {
        let directory = try ContainerStoreTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let store = try ContainerStore(location: .directory(directory.path))
                    for index in 0..<10 {
                        #expect(try store.create(ContainerID(provider: Self.provider, machine: false, name: "w\(worker)-\(index)")))
                    }
                }
            }
            try await group.waitForAll()
        }
        let names = try ContainerStore(location: .directory(directory.path)).containers().map(\.id.name)
        #expect(names.count == 80)
        #expect(Set(names).count == 80)
    }

    @Test("8 stores creating the same container at once: exactly one creates it")
    func concurrentSameName() async throws {
        let directory = try ContainerStoreTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try ContainerStore(location: .directory(directory.path))
                        .create(ContainerID(provider: Self.provider, machine: false, name: "same"))
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(created == 1)
    }

    @Test("a lock another process holds past the timeout fails the change, naming the lock file; the store is unchanged")
    func lockHeld() throws {
        let directory = try ContainerStoreTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(ContainerStore.fileName).path
        let store = try ContainerStore(location: .directory(directory.path), lockTimeout: .milliseconds(200))
        let holder = open(file + ".lock", O_RDWR | O_CREAT, 0o600)
        try #require(holder >= 0)
        defer { close(holder) }
        try #require(flock(holder, LOCK_EX) == 0)
        let id = ContainerID(provider: Self.provider, machine: false, name: "blocked")
        #expect(throws: ContainerStoreError(
            path: file, problem: "is locked by another process (\(file).lock, waited 0.2 s)", isWriteFailure: true)) {
            try store.create(id)
        }
        #expect(store.writeFailure?.isWriteFailure == true)
        flock(holder, LOCK_UN)
        #expect(try store.create(id))
    }

    @Test("a stored pair is checked: size allowed, key decodes, key size as recorded")
    func pairProblems() throws {
        let good = try StoredKeyPair.generate(.signature, bits: 1024, exportable: false)
        #expect(good.problem() == nil)
        let cases: [(StoredKeyPair, String)] = [
            (StoredKeyPair(spec: .signature, bits: -5, exportable: false, privateKey: good.privateKey),
             "has -5 bits (the simulator makes 1024 to 4096 in steps of 128)"),
            (StoredKeyPair(spec: .signature, bits: 1100, exportable: false, privateKey: good.privateKey),
             "has 1100 bits (the simulator makes 1024 to 4096 in steps of 128)"),
            (StoredKeyPair(spec: .signature, bits: 2048, exportable: false, privateKey: good.privateKey),
             "has a 1024-bit private key, not the 2048 bits recorded"),
            (StoredKeyPair(spec: .signature, bits: 1024, exportable: false, privateKey: "***"),
             "has a private key that is not base64"),
            (StoredKeyPair(spec: .signature, bits: 1024, exportable: false, privateKey: "AAAA"),
             "has a private key that is not an RSA private key (PKCS#1 DER)"),
        ]
        for (pair, problem) in cases {
            #expect(pair.problem() == problem)
        }
    }
}
