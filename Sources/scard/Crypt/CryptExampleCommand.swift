import ArgumentParser
import CryptoAPISim
import ScenarioKit

/// `scard crypt example`: the documented example "Creating and Hashing a Session Key".
struct CryptExampleCommand: ScenarioExampleCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Run the documented example \"Creating and Hashing a Session Key\" step by step.",
        discussion: """
            Acquires the user's default key container of PROV_RSA_FULL (creating it with \
            CRYPT_NEWKEYSET when it is missing, as the example does), generates an RC4 session \
            key, creates an MD5 hash, hashes the session key, destroys the hash and the key, and \
            releases the context. Each step shows its return value, last error and ledger \
            changes; the run ends with 0 live objects (the container stays in the store, so the \
            next run skips step 2, which runs only when step 1 fails with NTE_BAD_KEYSET).

            \(CryptExample.listing)

            Examples:
              scard crypt example
              scard crypt example --ephemeral --trace
              scard crypt example --json
            """
    )

    @OptionGroup var store: CryptStoreOptions
    @OptionGroup var options: ScenarioRunOptions

    func makeRunner() throws -> CryptScenarioRunner {
        CryptScenarioRunner(simulator: try CryptWorld.simulator(store: store, trace: options.trace))
    }

    func runExample(on runner: CryptScenarioRunner) -> ScenarioReport {
        CryptExample.run(on: runner.simulator)
    }

    func afterReport(_ report: ScenarioReport, runner: CryptScenarioRunner) throws {
        try CryptWorld.checkWrites(runner.simulator)
    }
}
