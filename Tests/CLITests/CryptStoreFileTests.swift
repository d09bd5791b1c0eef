import Foundation
import Testing
import TestSupport

/// The container store's file as `scard crypt` leaves it: modes, links, damaged contents, and
/// writes that fail.
@Suite("scard crypt: the store's file")
struct CryptStoreFileTests {
    static let provider = "Microsoft Base Cryptographic Provider v1.0"
    static let create = """
        p = CryptAcquireContext "k" NULL PROV_RSA_FULL CRYPT_NEWKEYSET => TRUE
        key = CryptGenKey p AT_KEYEXCHANGE 0 => TRUE
        CryptDestroyKey key => TRUE
        CryptReleaseContext p 0 => TRUE

        """

    /// Runs a scenario from standard input on the store in `store`.
    static func run(_ text: String, store: URL) throws -> ScardProcess.Result {
        try ScardProcess.run(["crypt", "run", "-", "--store", store.path], stdin: text)
    }

    /// The permission bits of a path.
    static func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test("a new store is a 0700 directory with a 0600 file; a chmod 640 on the file survives the next write")
    func modes() throws {
        let directory = try CryptCommandTests.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("deep/store")
        let file = store.appendingPathComponent("containers.json")
        let first = try Self.run(Self.create, store: store)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(try Self.mode(store) == 0o700)
        #expect(try Self.mode(directory.appendingPathComponent("deep")) == 0o700)
        #expect(try Self.mode(file) == 0o600)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let second = try Self.run("p = CryptAcquireContext \"k2\" NULL PROV_RSA_FULL CRYPT_NEWKEYSET => TRUE\n", store: store)
        #expect(second.status == 0)
        #expect(try Self.mode(file) == 0o640)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("\"k2\""))
    }

    @Test("a symlinked store file stays a link, and its target gets the containers")
    func symlink() throws {
        let directory = try CryptCommandTests.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("store")
        let elsewhere = directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let link = store.appendingPathComponent("containers.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../elsewhere/real.json")
        #expect(try Self.run(Self.create, store: store).status == 0)
        #expect(try Self.run("p = CryptAcquireContext \"k2\" NULL PROV_RSA_FULL CRYPT_NEWKEYSET => TRUE\n", store: store).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "../elsewhere/real.json")
        let text = try String(contentsOf: elsewhere.appendingPathComponent("real.json"), encoding: .utf8)
        #expect(text.contains("\"k\"") && text.contains("\"k2\""))
    }

    @Test("--store '' is a usage error (exit 2, one line); SCARD_CRYPT_STORE='' counts as unset")
    func emptyStore() throws {
        let empty = try ScardProcess.run(["crypt", "run", "-", "--store", ""], stdin: "")
        #expect(empty.status == 2)
        #expect(empty.stderr == "scard: --store needs a directory; an empty path names none (see 'scard --help')\n")
        let directory = try CryptCommandTests.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let unset = try ScardProcess.run(
            ["crypt", "run", "-"], stdin: "p = CryptAcquireContext \"x\" NULL PROV_RSA_FULL CRYPT_NEWKEYSET => TRUE\n",
            environment: ["SCARD_CRYPT_STORE": "", "XDG_DATA_HOME": directory.path])
        #expect(unset.status == 0, "\(unset.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("scard/crypt/containers.json").path))
    }

    @Test("a store change that cannot be written fails the call with NTE_FAIL and the run with exit 8, naming the file and why")
    func unwritable() throws {
        let directory = try CryptCommandTests.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        let link = store.appendingPathComponent("containers.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/nonexistent/dir/containers.json")
        let result = try Self.run("p = CryptAcquireContext \"k\" NULL PROV_RSA_FULL CRYPT_NEWKEYSET\n", store: store)
        #expect(result.status == 8)
        #expect(result.stdout.contains("-> FALSE (last error NTE_FAIL (0x80090020))"))
        #expect(result.stderr == "scard: container store \(link.path) cannot be written (No such file or directory)\n")
        let example = try ScardProcess.run(["crypt", "example", "--store", store.path])
        #expect(example.status == 8)
        #expect(example.stderr.hasSuffix("scard: container store \(link.path) cannot be written (No such file or directory)\n"))
    }

    /// A store holding container "k" with a 1024-bit exchange pair, then changed by `damage`.
    static func damagedStore(_ damage: (inout [String: Any]) -> Void) throws -> (directory: URL, file: URL) {
        let directory = try CryptCommandTests.temporaryStore()
        let file = directory.appendingPathComponent("containers.json")
        let made = try run(create, store: directory)
        try #require(made.status == 0, "\(made.stdout)\(made.stderr)")
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        damage(&document)
        try JSONSerialization.data(withJSONObject: document).write(to: file)
        return (directory, file)
    }

    /// Changes the first key pair of the first container.
    static func pair(_ change: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) -> Void {
        { document in
            var containers = document["containers"] as? [[String: Any]] ?? []
            var pairs = containers[0]["keyPairs"] as? [[String: Any]] ?? []
            change(&pairs[0])
            containers[0]["keyPairs"] = pairs
            document["containers"] = containers
        }
    }

    static var damages: [(String, (inout [String: Any]) -> Void, String)] { [
        ("bits -5", pair { $0["bits"] = -5 },
         "is damaged: the AT_KEYEXCHANGE pair of container \"k\" (user, \(provider)) has -5 bits (the simulator makes 1024 to 4096 in steps of 128)"),
        ("bits not the key's", pair { $0["bits"] = 2048 },
         "has a 1024-bit private key, not the 2048 bits recorded"),
        ("key not base64", pair { $0["privateKey"] = "%%%" }, "has a private key that is not base64"),
        ("key not RSA", pair { $0["privateKey"] = "aGVsbG8=" }, "has a private key that is not an RSA private key (PKCS#1 DER)"),
        ("unknown kind", pair { $0["spec"] = "rsa" }, "is damaged at containers[0].keyPairs[0].spec: "),
        ("bits a string", pair { $0["bits"] = "many" }, "is damaged at containers[0].keyPairs[0].bits: expected a number"),
        ("unknown provider", { document in
            var containers = document["containers"] as? [[String: Any]] ?? []
            var id = containers[0]["id"] as? [String: Any] ?? [:]
            id["provider"] = "Contoso"
            containers[0]["id"] = id
            document["containers"] = containers
        }, "names an unknown provider"),
        ("container twice", { document in
            let containers = document["containers"] as? [[String: Any]] ?? []
            document["containers"] = containers + containers
        }, "holds container \"k\" (user, \(provider)) twice"),
    ] }

    @Test("a damaged store is one line naming the file and what is wrong, exit 2, nothing run",
          arguments: 0..<8)
    func damaged(_ index: Int) throws {
        let (name, damage, phrase) = Self.damages[index]
        let (directory, file) = try Self.damagedStore(damage)
        defer { try? FileManager.default.removeItem(at: directory) }
        for arguments in [["crypt", "run", "-", "--store", directory.path], ["crypt", "example", "--store", directory.path]] {
            let result = try ScardProcess.run(arguments, stdin: "CryptReleaseContext NULL 0\n")
            #expect(result.status == 2, "\(name): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.isEmpty, "\(name)")
            #expect(result.stderr.hasPrefix("scard: container store \(file.path) "), "\(name): \(result.stderr)")
            #expect(result.stderr.contains(phrase), "\(name): \(result.stderr)")
            #expect(result.stderr.hasSuffix("; move it away to start with an empty store\n"), "\(name): \(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(name)")
        }
    }

    @Test("a truncated store file and a directory in the file's place: one line naming the file, exit 2")
    func truncatedAndDirectory() throws {
        let (directory, file) = try Self.damagedStore { _ in }
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = try Data(contentsOf: file)
        try whole.prefix(whole.count / 2).write(to: file)
        let truncated = try Self.run("", store: directory)
        #expect(truncated.status == 2)
        #expect(truncated.stderr
            == "scard: container store \(file.path) is damaged and cannot be parsed; move it away to start with an empty store\n")
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        let inPlace = try Self.run("", store: directory)
        #expect(inPlace.status == 2)
        #expect(inPlace.stderr == "scard: container store \(file.path) cannot be read (Is a directory)\n")
    }
}
