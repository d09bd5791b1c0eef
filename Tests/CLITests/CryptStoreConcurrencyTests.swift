import Foundation
import Testing
import TestSupport

/// Many `scard crypt` processes on one container store at once, and processes killed in the
/// middle of their writes.
@Suite("scard crypt: one store, many processes")
struct CryptStoreConcurrencyTests {
    /// The store's file, decoded as JSON.
    static func containers(in store: URL) throws -> [[String: Any]] {
        let data = try Data(contentsOf: store.appendingPathComponent("containers.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["containers"] as? [[String: Any]])
    }

    /// The names of the containers in the store, in the file's order.
    static func names(in store: URL) throws -> [String] {
        try containers(in: store).compactMap { ($0["id"] as? [String: Any])?["name"] as? String }
    }

    /// Writes a scenario file and returns its path.
    static func scenario(_ text: String, named name: String, in directory: URL) throws -> String {
        let file = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test("50 processes each creating a different container (with a key pair) at once: all exit 0, all 50 containers and pairs remain")
    func distinctContainers() throws {
        let directory = try CryptCommandTests.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("store")
        let count = 50
        let scenarios = try (0..<count).map { index in
            try Self.scenario("""
                p = CryptAcquireContext "c\(index)" NULL PROV_RSA_FULL CRYPT_NEWKEYSET => TRUE
                k = CryptGenKey p AT_KEYEXCHANGE 0 => TRUE
                CryptDestroyKey k => TRUE
                CryptReleaseContext p 0 => TRUE
                """, named: "c\(index).scen", in: directory)
        }
        let running = try scenarios.map { try ScardProcess.start(["crypt", "run", $0, "--store", store.path]) }
        let results = try running.map { try $0.wait(timeout: 120) }
        for (index, result) in results.enumerated() {
            #expect(result.status == 0, "c\(index): \(result.stdout)\(result.stderr)")
        }
        let containers = try Self.containers(in: store)
        #expect(Set(try Self.names(in: store)) == Set((0..<count).map { "c\($0)" }))
        #expect(containers.count == count)
        #expect(containers.allSatisfy { ($0["keyPairs"] as? [Any])?.count == 1 })
    }

    @Test("25 processes racing CRYPT_NEWKEYSET on one name: exactly one TRUE, the others FALSE NTE_EXISTS")
    func sameName() throws {
        let directory = try CryptCommandTests.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("store")
        let path = try Self.scenario(
            "p = CryptAcquireContext \"same\" NULL PROV_RSA_FULL CRYPT_NEWKEYSET\n", named: "same.scen", in: directory)
        let running = try (0..<25).map { _ in try ScardProcess.start(["crypt", "run", path, "--store", store.path]) }
        let results = try running.map { try $0.wait(timeout: 120) }
        #expect(results.allSatisfy { $0.status == 0 })
        let created = results.filter { $0.stdout.contains("CRYPT_NEWKEYSET -> TRUE") }
        let refused = results.filter { $0.stdout.contains("CRYPT_NEWKEYSET -> FALSE (last error NTE_EXISTS (0x8009000F))") }
        #expect(created.count == 1)
        #expect(refused.count == 24)
        #expect(try Self.names(in: store) == ["same"])
    }

    @Test("a process SIGKILLed at any moment of a run of writes leaves a valid store with every earlier container")
    func killedWriter() throws {
        let directory = try CryptCommandTests.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("store")
        var expected: [String] = []
        var cutShort = 0
        for round in 0..<8 {
            let names = (0..<400).map { "r\(round)-\($0)" }
            let text = names.map { "p = CryptAcquireContext \"\($0)\" NULL PROV_RSA_FULL CRYPT_NEWKEYSET\nCryptReleaseContext p 0\n" }
                .joined()
            let path = try Self.scenario(text, named: "round\(round).scen", in: directory)
            let child = try ScardProcess.start(["crypt", "run", path, "--store", store.path])
            // Kill once the run has written some of its containers (a few more each round, however
            // busy the machine), at a moment inside a write that varies from round to round.
            let target = expected.count + 1 + 7 * round
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, ((try? Self.names(in: store))?.count ?? 0) < target {
                Thread.sleep(forTimeInterval: 0.002)
            }
            Thread.sleep(forTimeInterval: 0.0015 * Double(round))
            child.signal(SIGKILL)
            _ = try child.wait(timeout: 30)
            let found = try FileManager.default.fileExists(atPath: store.appendingPathComponent("containers.json").path)
                ? Self.names(in: store) : []
            #expect(Array(found.prefix(expected.count)) == expected, "round \(round): an earlier container is gone")
            let added = Array(found.dropFirst(expected.count))
            #expect(added == Array(names.prefix(added.count)), "round \(round): not a prefix of the run's containers")
            if !added.isEmpty && added.count < names.count { cutShort += 1 }
            expected = found
        }
        #expect(cutShort > 0, "no run was killed between its first and last write")
        let check = try ScardProcess.run(
            ["crypt", "run", "-", "--store", store.path],
            stdin: "p = CryptAcquireContext \"\(expected.last ?? "")\" NULL PROV_RSA_FULL 0 => TRUE\nCryptReleaseContext p 0 => TRUE\n")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.count <= 1)
    }
}
