import ArgumentParser
import CryptoAPISim
import Foundation

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

    /// The hash algorithms, as the command line names them.
    enum Algorithm: String, ExpressibleByArgument, CaseIterable {
        case md5, sha1, sha256, sha384, sha512

        /// The CALG_ identifier.
        var algid: ALG_ID {
            switch self {
            case .md5: CALG_MD5
            case .sha1: CALG_SHA1
            case .sha256: CALG_SHA_256
            case .sha384: CALG_SHA_384
            case .sha512: CALG_SHA_512
            }
        }
    }

    @Option(help: "The hash algorithm: md5, sha1, sha256, sha384 or sha512.")
    var alg: Algorithm = .sha256

    @Argument(help: "The files to hash; - for standard input.")
    var files: [String] = ["-"]

    @Flag(help: "Print the ledger to standard error at the end.")
    var trace = false

    func run() throws {
        let simulator = CryptSimulator(ledgerCapacity: trace ? nil : 4096)
        let thread = simulator.main
        let prov = OutParameter<HCRYPTPROV>(0)
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
    private func hash(_ file: String, context: HCRYPTPROV, thread: CryptThread) throws -> String {
        var input = try InputFile(file)
        let hash = OutParameter<HCRYPTHASH>(0)
        try check(thread.createHash(context, algid: alg.algid, 0, flags: 0, hash), "CryptCreateHash", thread)
        defer { _ = thread.destroyHash(hash.value) }
        while let chunk = try input.nextChunk() {
            try check(thread.hashData(hash.value, chunk, flags: 0), "CryptHashData", thread)
        }
        let length = OutParameter<DWORD>(0)
        try check(thread.getHashParam(hash.value, param: HP_HASHVAL, nil, length, flags: 0), "CryptGetHashParam", thread)
        let value = OutParameter<[UInt8]>([])
        try check(thread.getHashParam(hash.value, param: HP_HASHVAL, value, length, flags: 0), "CryptGetHashParam", thread)
        return value.value.map { String(format: "%02x", $0) }.joined()
    }

    /// Turns a FALSE return into one line on standard error and exit 1.
    private func check(_ ok: Bool, _ function: String, _ thread: CryptThread) throws {
        guard !ok else { return }
        StandardError.write("scard: \(function) failed: \(thread.lastError)")
        throw ExitCode(1)
    }
}
