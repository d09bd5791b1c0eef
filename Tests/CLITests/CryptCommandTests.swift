import Foundation
import Testing
import TestSupport

@Suite("scard crypt")
struct CryptCommandTests {
    static let scenarios = ScardProcess.projectRoot.appendingPathComponent("Tests/CryptoAPISimTests/Scenarios")

    static var scenarioNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []
        return files.filter { $0.hasSuffix(".scen") }.sorted()
    }

    /// A fresh, empty store directory; removed by the caller.
    static func temporaryStore() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scard-crypt-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `scard crypt ...` with its container store in `store`.
    static func crypt(_ arguments: [String], store: URL, stdin: String? = nil) throws -> ScardProcess.Result {
        try ScardProcess.run(["crypt"] + arguments, stdin: stdin, environment: ["SCARD_CRYPT_STORE": store.path])
    }

    @Test("crypt example: creates the default container on the first run, reuses it on the next, ends with 0 live")
    func example() throws {
        let store = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let first = try Self.crypt(["example"], store: store)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("1: CryptAcquireContext NULL NULL PROV_RSA_FULL 0 -> FALSE (last error NTE_BAD_KEYSET (0x80090016))"))
        #expect(first.stdout.contains("2: CryptAcquireContext NULL NULL PROV_RSA_FULL CRYPT_NEWKEYSET -> TRUE"))
        #expect(first.stdout.contains("5: CryptHashSessionKey hash key 0 -> TRUE  ok"))
        #expect(first.stdout.contains("ledger: free context#1"))
        #expect(first.stdout.contains("live crypt: 0"))
        #expect(first.stdout.contains("all expectations met"))
        #expect(FileManager.default.fileExists(atPath: store.appendingPathComponent("containers.json").path))
        let second = try Self.crypt(["example"], store: store)
        #expect(second.status == 0)
        #expect(second.stdout.contains("1: CryptAcquireContext NULL NULL PROV_RSA_FULL 0 -> TRUE"))
        #expect(second.stdout.contains("2: CryptAcquireContext NULL NULL PROV_RSA_FULL CRYPT_NEWKEYSET -> skipped"))
        #expect(second.stdout.contains("live crypt: 0"))
    }

    @Test("crypt example --trace prints the ledger to standard error; --json one object per line")
    func exampleTraceAndJSON() throws {
        let traced = try ScardProcess.run(["crypt", "example", "--ephemeral", "--trace"])
        #expect(traced.status == 0)
        #expect(traced.stderr.contains("ledger crypt:"))
        #expect(traced.stderr.contains("free hash#3 CALG_MD5"))
        #expect(traced.stderr.contains("live: 0"))
        let json = try ScardProcess.run(["crypt", "example", "--ephemeral", "--json"])
        #expect(json.status == 0)
        let objects = try json.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.count == 9)
        #expect(objects.first?["lastError"] as? String == "NTE_BAD_KEYSET (0x80090016)")
        #expect(objects.last?["type"] as? String == "summary")
        #expect(objects.last?["failureCount"] as? Int == 0)
        #expect(try JSONSchemas.problems(in: json.stdout, schema: "crypt").isEmpty)
    }

    @Test("crypt hash: the values of sha256sum, sha1sum and md5sum, from a file and from standard input")
    func hash() throws {
        let directory = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("abc.txt")
        try Data("abc".utf8).write(to: file)
        let sha256 = try ScardProcess.run(["crypt", "hash", "--alg", "sha256", file.path])
        #expect(sha256.status == 0)
        #expect(sha256.stdout == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  \(file.path)\n")
        let md5 = try ScardProcess.run(["crypt", "hash", "--alg", "md5", "-"], stdin: "abc")
        #expect(md5.stdout == "900150983cd24fb0d6963f7d28e17f72  -\n")
        let sha1 = try ScardProcess.run(["crypt", "hash", "--alg", "sha1", "-"], stdin: "")
        #expect(sha1.stdout == "da39a3ee5e6b4b0d3255bfef95601890afd80709  -\n")
    }

    @Test("crypt hash of 1 MiB equals the system's sha256sum")
    func hashMatchesSha256sum() throws {
        let directory = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big.bin")
        try Data((0..<(1 << 20 | 12345)).map { UInt8(truncatingIfNeeded: $0 &* 7) }).write(to: file)
        let ours = try ScardProcess.run(["crypt", "hash", "--alg", "sha256", file.path, "--trace"])
        #expect(ours.status == 0)
        #expect(ours.stderr.contains("live: 0"))
        let tool = URL(fileURLWithPath: "/usr/bin/sha256sum")
        try #require(FileManager.default.isExecutableFile(atPath: tool.path))
        let theirs = try ScardProcess.runExecutable(tool, [file.path])
        #expect(ours.stdout == theirs.stdout)
    }

    @Test("crypt hash: a missing file is one line on standard error and exit 2")
    func hashMissingFile() throws {
        let result = try ScardProcess.run(["crypt", "hash", "/nonexistent/file"])
        #expect(result.status == 2)
        #expect(result.stderr == "scard: /nonexistent/file: cannot read the file (No such file or directory)\n")
    }

    @Test("crypt run passes every shipped scenario with --expect-clean", arguments: scenarioNames)
    func shipped(_ name: String) throws {
        let store = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let path = Self.scenarios.appendingPathComponent(name).path
        for _ in 0..<2 {
            let result = try Self.crypt(["run", path, "--expect-clean"], store: store)
            #expect(result.status == 0, "\(name): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("all expectations met"))
        }
    }

    @Test("crypt run: an unmet expectation shows line, expected and actual; the run goes on; exit 1")
    func unmet() throws {
        let text = """
            CryptReleaseContext NULL 0 => FALSE NTE_BAD_UID
            CryptReleaseContext NULL 0 => FALSE ERROR_INVALID_PARAMETER
            """
        let result = try ScardProcess.run(["crypt", "run", "-", "--ephemeral"], stdin: text)
        #expect(result.status == 1)
        #expect(result.stdout.contains(
            "1: CryptReleaseContext NULL 0 -> FALSE (last error ERROR_INVALID_PARAMETER (87))  FAILED: expected FALSE NTE_BAD_UID"))
        #expect(result.stdout.contains("2: CryptReleaseContext NULL 0 -> FALSE (last error ERROR_INVALID_PARAMETER (87))  ok"))
        #expect(result.stdout.contains("1 expectation(s) not met"))
        let documented = try ScardProcess.run(["crypt", "run", "-", "--ephemeral", "--profile", "documented"], stdin: text)
        #expect(documented.stdout.contains("1: CryptReleaseContext NULL 0 -> FALSE (last error NTE_BAD_UID (0x80090001))  ok"))
        let fast = try ScardProcess.run(["crypt", "run", "-", "--ephemeral", "--fail-fast"], stdin: text)
        #expect(fast.status == 1)
        #expect(!fast.stdout.contains("2: CryptReleaseContext"))
        #expect(fast.stdout.contains("stopped: line 1: expectation not met (fail-fast)"))
    }

    @Test("crypt run --expect-clean fails on a leak; --json prints steps and a summary")
    func expectCleanAndJSON() throws {
        let text = "prov = CryptAcquireContext NULL NULL PROV_RSA_FULL CRYPT_VERIFYCONTEXT => TRUE\n"
        let leak = try ScardProcess.run(["crypt", "run", "-", "--ephemeral", "--expect-clean"], stdin: text)
        #expect(leak.status == 1)
        #expect(leak.stdout.contains("live crypt: 1: context#1 PROV_RSA_FULL verify"))
        #expect(leak.stderr.contains("1 object(s) still live at the end (--expect-clean)"))
        let json = try ScardProcess.run(["crypt", "run", "-", "--ephemeral", "--json"], stdin: text)
        #expect(json.status == 0)
        let objects = try json.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.count == 2)
        #expect(objects[0]["call"] as? String == "CryptAcquireContext")
        #expect(objects[0]["ledgerDelta"] as? [String] == ["allocate context#1 PROV_RSA_FULL verify"])
        #expect(objects[0]["type"] as? String == "step")
        #expect(objects[1]["type"] as? String == "summary")
    }

    @Test("crypt run: syntax errors and lines that cannot be checked name file, line and column, run nothing, exit 2")
    func usageErrors() throws {
        let store = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let cases: [(String, String)] = [
            ("CryptReleaseContext \"open 0\n", "scard: -:1:21: unterminated string\n"),
            ("prov = CryptAcquireContext \"kc\" NULL 1 CRYPT_NEWKEYSET\nCryptFrob 1\n", "scard: -:2:1: unknown function 'CryptFrob'\n"),
            ("CryptReleaseContext 1\n", "scard: -:1:1: CryptReleaseContext takes 2 argument(s) (hProv, dwFlags), found 1\n"),
        ]
        for (text, message) in cases {
            let result = try Self.crypt(["run", "-"], store: store, stdin: text)
            #expect(result.status == 2)
            #expect(result.stderr == message)
            #expect(result.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("containers.json").path))
        let missing = try ScardProcess.run(["crypt", "run", "/nonexistent.scen"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "scard: /nonexistent.scen: cannot read the file (No such file or directory)\n")
        let bad = try ScardProcess.run(["crypt", "run", "-", "--profile", "linux"], stdin: "")
        #expect(bad.status == 2)
    }

    @Test("containers persist between runs in the store; --store overrides the environment")
    func persistenceBetweenRuns() throws {
        let store = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let create = "p = CryptAcquireContext \"kept\" NULL PROV_RSA_FULL CRYPT_NEWKEYSET => TRUE\nCryptReleaseContext p 0 => TRUE\n"
        let reopen = "p = CryptAcquireContext \"kept\" NULL PROV_RSA_FULL 0 => TRUE\nCryptReleaseContext p 0 => TRUE\n"
        #expect(try ScardProcess.run(["crypt", "run", "-", "--store", store.path], stdin: create).status == 0)
        let again = try ScardProcess.run(["crypt", "run", "-", "--store", store.path], stdin: reopen)
        #expect(again.status == 0, "\(again.stdout)")
        let ephemeral = try ScardProcess.run(["crypt", "run", "-", "--ephemeral"], stdin: reopen)
        #expect(ephemeral.status == 1)
        #expect(ephemeral.stdout.contains("FALSE (last error NTE_BAD_KEYSET (0x80090016))"))
    }

    @Test("a damaged container store is one clear line on standard error and exit 2")
    func damagedStore() throws {
        let store = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let file = store.appendingPathComponent("containers.json")
        try Data("{ this is not json".utf8).write(to: file)
        let result = try Self.crypt(["example"], store: store)
        #expect(result.status == 2)
        #expect(result.stderr == "scard: container store \(file.path) is damaged and cannot be parsed; move it away to start with an empty store\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("crypt --help lists the subcommands with examples")
    func help() throws {
        let result = try ScardProcess.run(["crypt", "--help"])
        #expect(result.status == 0)
        for word in ["example", "hash", "run", "scard crypt run"] {
            #expect(result.stdout.contains(word))
        }
    }
}
