import ArgumentParser
import CryptoAPISim
import Foundation
import ScenarioKit

/// `scard crypt run SCENARIO`: runs a scenario file of CryptoAPI calls and checks its expectations.
struct CryptRunCommand: ParsableCommand {
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
    @OptionGroup var output: CryptOutputOptions

    @Flag(help: "Fail (exit 1) when anything is still live in the ledger at the end.")
    var expectClean = false

    @Flag(help: "Stop at the first expectation that is not met.")
    var failFast = false

    func run() throws {
        let text = try CryptScenarioFile.read(scenario)
        let parsed: Scenario
        do {
            parsed = try Scenario(parsing: text)
            try CryptScenarioRunner.check(parsed)
        } catch {
            StandardError.write("scard: \(EchoedText.bounded(scenario, limit: 256)):\(error.line):\(error.column): \(error.message)")
            throw ExitCode(2)
        }
        let simulator = try CryptWorld.simulator(store: store, profile: profile, trace: output.trace)
        let report = CryptScenarioRunner(simulator: simulator)
            .run(parsed, options: ScenarioOptions(failFast: failFast, profile: profile.rawValue))
        let status = ScenarioOutput.emit(report, json: output.json, expectClean: expectClean)
        if expectClean, report.liveTotal > 0 {
            StandardError.write("scard: \(report.liveTotal) object(s) still live at the end (--expect-clean)")
        }
        if output.trace { LedgerOutput.trace(simulator.table) }
        try CryptWorld.checkWrites(simulator)
        if status != 0 { throw ExitCode(status) }
    }
}

/// Reads a scenario file or standard input, with a clear one-line error.
enum CryptScenarioFile {
    /// The text of `path` (`-`: standard input), at most 16 MiB of UTF-8; a usage error (exit 2)
    /// says why it cannot be read.
    static func read(_ path: String) throws -> String {
        try InputFile(path).readText()
    }
}
