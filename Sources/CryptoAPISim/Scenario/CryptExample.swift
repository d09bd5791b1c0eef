import ScenarioKit

/// The documentation's example "Creating and Hashing a Session Key", step by step: acquire the
/// default container of `PROV_RSA_FULL` (creating it with `CRYPT_NEWKEYSET` when it is missing),
/// generate an RC4 session key, create an MD5 hash, hash the session key, destroy the hash and
/// the key, release the context.
public enum CryptExample {
    /// The example's calls in scenario syntax, one per step; the second runs only when the first
    /// fails with `NTE_BAD_KEYSET`.
    public static let lines = [
        "prov = CryptAcquireContext NULL NULL PROV_RSA_FULL 0",
        "prov = CryptAcquireContext NULL NULL PROV_RSA_FULL CRYPT_NEWKEYSET => TRUE",
        "key = CryptGenKey prov CALG_RC4 CRYPT_EXPORTABLE => TRUE",
        "hash = CryptCreateHash prov CALG_MD5 0 0 => TRUE",
        "CryptHashSessionKey hash key 0 => TRUE",
        "CryptDestroyHash hash => TRUE",
        "CryptDestroyKey key => TRUE",
        "CryptReleaseContext prov 0 => TRUE",
    ]

    /// The example as a numbered listing, for help text (step 2 runs only when step 1 fails with
    /// `NTE_BAD_KEYSET`).
    public static var listing: String {
        lines.enumerated().map { index, line in "  \(index + 1). \(line)" }.joined(separator: "\n")
    }

    /// Runs the example on a simulator and reports each step; step 1 is met when it succeeds or
    /// fails with `NTE_BAD_KEYSET` (then step 2 creates the container), and the run stops if it
    /// fails otherwise.
    public static func run(on simulator: CryptSimulator) -> ScenarioReport {
        var report = ScenarioReport()
        guard let scenario = try? Scenario(parsing: lines.joined(separator: "\n")) else {
            report.stopped = "the example does not parse"
            return report
        }
        let ledgers = [ScenarioLedger(name: simulator.table.name, table: simulator.table)]
        var session = CryptScenarioSession(simulator: simulator, ledgers: ledgers)
        var containerMissing = false
        for line in scenario.lines {
            if line.number == 2 && !containerMissing {
                report.steps.append(skipped(number: 2))
                continue
            }
            var step = ScenarioDriver.step(for: line, in: &session)
            if line.number == 1 {
                containerMissing = step.returned == "FALSE" && step.lastError == CryptError.badKeyset.description
                step.met = step.returned == "TRUE" || containerMissing
                step.expected = "TRUE, or FALSE NTE_BAD_KEYSET (the container is missing)"
            }
            report.steps.append(step)
            if step.met == false {
                report.stopped = "step \(line.number): \(step.call) returned \(step.returned)"
                    + (step.lastError.map { " (last error \($0))" } ?? "")
                break
            }
        }
        report.live = session.liveObjects()
        return report
    }

    private static func skipped(number: Int) -> ScenarioStep {
        ScenarioStep(
            line: number, call: "CryptAcquireContext", arguments: ["NULL", "NULL", "PROV_RSA_FULL", "CRYPT_NEWKEYSET"],
            returned: "skipped", notes: ["the default container exists: no retry with CRYPT_NEWKEYSET"])
    }
}
