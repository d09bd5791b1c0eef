import ArgumentParser
import CryptoAPISim

/// `scard crypt`: the CryptoAPI context simulator.
struct CryptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crypt",
        abstract: "Simulate CryptoAPI contexts, keys and hashes, and CryptReleaseContext.",
        discussion: """
            An in-process model of the CryptoAPI context functions of wincrypt.h: providers \
            (PROV_RSA_FULL, PROV_RSA_AES), key containers that outlive contexts and runs, contexts \
            with reference counts, and session keys and hash objects as children of their context, \
            with real MD5, SHA-1, SHA-2, RC4 and AES. Every call shows its return value, its last \
            error by name and value, and what it did to the ledger.

            Key containers are kept in $SCARD_CRYPT_STORE, else $XDG_DATA_HOME/scard/crypt, else \
            ~/.local/share/scard/crypt (override with --store DIR, or --ephemeral for none; an \
            empty variable counts as unset). The store holds private keys: its directory is \
            created 0700 and its file 0600, and processes sharing it take turns under a lock.

            Examples:
              scard crypt example
              scard crypt hash --alg sha256 README.md
              scard crypt run Tests/CryptoAPISimTests/Scenarios/addref-release.scen

            Exit codes: 0 success (all expectations met), 1 an expectation or a call failed (or \
            a leak with --expect-clean), 2 usage error (unreadable file, syntax error, damaged \
            store), 8 a change to the store could not be written.
            """,
        subcommands: [CryptExampleCommand.self, CryptHashCommand.self, CryptRunCommand.self]
    )
}

/// The error profiles, as the command line names them.
enum CryptProfileOption: String, ExpressibleByArgument, CaseIterable {
    /// Measured Windows behaviour.
    case windows
    /// The documentation's error table taken literally.
    case documented

    /// The simulator's profile.
    var profile: CryptProfile { self == .documented ? .documented : .windows }
}

/// Where `scard crypt` keeps key containers.
struct CryptStoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The directory of the key container store (default: $SCARD_CRYPT_STORE, else $XDG_DATA_HOME/scard/crypt, else ~/.local/share/scard/crypt).",
        valueName: "dir"))
    var store: String?

    @Flag(help: "Keep key containers in memory for this run only; the store on disk is not read or written.")
    var ephemeral = false

    func validate() throws {
        if ephemeral && store != nil {
            throw ValidationError("--ephemeral and --store exclude each other")
        }
        if store?.isEmpty == true {
            throw ValidationError("--store needs a directory; an empty path names none")
        }
    }
}
