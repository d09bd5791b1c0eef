import ContextCore
import ArgumentParser
import CryptoAPISim
import FoundationEssentials

/// `scard crypt hash`: hashes files through the simulated API, like `sha256sum`.
struct CryptHashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Hash files through the simulated CryptoAPI and print the values like sha256sum.",
        discussion: """
            For each file: CryptAcquireContext with CRYPT_VERIFYCONTEXT on PROV_RSA_AES (once), \
            CryptCreateHash, CryptHashData on 64 KiB chunks, CryptGetHashParam HP_HASHVAL (size \
            first, then the value), CryptDestroyHash; CryptReleaseContext at the end. The output \
            is '<hex>  <file>', the format of md5sum, sha1sum and sha256sum.

            Examples:
              scard crypt hash --alg sha256 README.md
              printf abc | scard crypt hash --alg md5 -
              scard crypt hash --alg sha1 a.bin b.bin --trace
            """
    )

    @Option(help: "The hash algorithm: md5, sha1, sha256, sha384 or sha512.")
    var alg: HashAlgorithm = .sha256

    @Argument(help: "The files to hash; - for standard input.")
    var files: [String] = ["-"]

    @Flag(help: "Print the ledger to standard error at the end.")
    var trace = false

    func run() throws {
        let simulator = CryptSimulator(ledgerCapacity: trace ? nil : 4096)
        let thread = simulator.main
        let prov = OutParameter<HCRYPTPROV?>(nil)
        try check(thread.acquireContext(prov, container: nil, provider: nil, type: PROV_RSA_AES, flags: CRYPT_VERIFYCONTEXT),
                  "CryptAcquireContext", thread)
        defer {
            _ = thread.releaseContext(prov.value, flags: 0)
            if trace { LedgerOutput.trace(simulator.table) }
        }
        for file in files {
            let value = try hash(file, context: prov.value, thread: thread)
            print("\(value)  \(file)")
        }
    }

    /// The hex hash value of one file, computed through the simulated calls.
    private func hash(_ file: String, context: HCRYPTPROV?, thread: CryptThread) throws -> String {
        var input = try InputFile(file)
        let hash = OutParameter<HCRYPTHASH?>(nil)
        try check(thread.createHash(context, algid: alg.algid, nil, flags: 0, hash), "CryptCreateHash", thread)
        defer { _ = thread.destroyHash(hash.value) }
        while let chunk = try input.nextChunk() {
            try check(thread.hashData(hash.value, chunk, flags: 0), "CryptHashData", thread)
        }
        let length = OutParameter<DWORD>(0)
        try check(thread.getHashParam(hash.value, param: HP_HASHVAL, nil, length, flags: 0), "CryptGetHashParam", thread)
        let value = OutParameter<[UInt8]>([])
        try check(thread.getHashParam(hash.value, param: HP_HASHVAL, value, length, flags: 0), "CryptGetHashParam", thread)
        return value.value.map { String(printf: "%02x", $0) }.joined()
    }

    /// Turns a FALSE return into an error naming the call and its last error (exit 1).
    private func check(_ ok: Bool, _ function: String, _ thread: CryptThread) throws(CLIError) {
        guard !ok else { return }
        throw CLIError(message: "\(function) failed: \(thread.lastError)", status: .checkFailed)
    }
}

/// `--alg md5|sha1|sha256|sha384|sha512`: the simulator's hash algorithms by short name.
extension HashAlgorithm: ExpressibleByArgument {
    /// The algorithm with this short name.
    public init?(argument: String) {
        self.init(name: argument)
    }

    /// The short name, shown as the default in help.
    public var defaultValueDescription: String { name }

    /// Every short name, for help and completions.
    public static var allValueStrings: [String] { allCases.map(\.name) }
}
