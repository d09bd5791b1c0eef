import ArgumentParser
import CryptoAPISim
import ScenarioKit

/// `scard crypt run SCENARIO`: runs a scenario file of CryptoAPI calls and checks its expectations.
struct CryptRunCommand: ScenarioRunCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a CryptoAPI scenario file and check its expectations.",
        discussion: """
            A scenario is one call or directive per line (see Docs/crypt.md):
              prov = CryptAcquireContext NULL NULL PROV_RSA_FULL CRYPT_VERIFYCONTEXT
              CryptContextAddRef prov NULL 0           => TRUE
              hash = CryptCreateHash prov CALG_MD5 0 0 => TRUE
              CryptReleaseContext prov 1               => FALSE NTE_BAD_FLAGS
              CryptReleaseContext prov 0               => TRUE
              CryptDestroyHash hash                    => FALSE ERROR_INVALID_PARAMETER

            Functions: CryptAcquireContext, CryptContextAddRef, CryptReleaseContext, \
            CryptGenKey, CryptDeriveKey, CryptGetUserKey, CryptDestroyKey, CryptCreateHash, \
            CryptHashData, CryptHashSessionKey, CryptGetHashParam, CryptDestroyHash, \
            CryptEncrypt, CryptDecrypt, SetLastError, GetLastError. Directives: @thread T2, \
            @profile windows|documented, @buffer NAME SIZE [PATTERN], @pause N, @resume T1.

            Examples:
              scard crypt run Tests/CryptoAPISimTests/Scenarios/busy-two-threads.scen
              scard crypt run my.scen --profile documented --json
              scard crypt run - --ephemeral --fail-fast --expect-clean < my.scen

            Exit codes: 0 all expectations met, 1 an expectation failed (or a leak with \
            --expect-clean), 2 usage error (unreadable file, syntax error, unknown function or \
            directive, wrong number of arguments, damaged store: nothing runs), 8 a change to \
            the store could not be written.
            """
    )

    @Argument(help: "The scenario file to run, or - for standard input: UTF-8 text, at most 16 MiB.")
    var scenario: String

    @Option(help: "The error profile to start in: windows (measured behaviour) or documented (the seed page literally).")
    var profile: CryptProfileOption = .windows

    @OptionGroup var store: CryptStoreOptions
    @OptionGroup var options: ScenarioRunOptions

    func makeRunner() throws -> CryptScenarioRunner {
        let simulator = try CryptWorld.simulator(store: store, trace: options.trace)
        return CryptScenarioRunner(simulator: simulator, profile: profile.profile)
    }

    func afterRun(_ runner: CryptScenarioRunner) throws {
        try CryptWorld.checkWrites(runner.simulator)
    }
}
