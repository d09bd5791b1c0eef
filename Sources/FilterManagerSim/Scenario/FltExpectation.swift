import ScenarioKit

/// Checks a line's `=> ...` against what the line did.
///
/// The first word is the return: a status name or value for NTSTATUS routines and `@register`,
/// `-` for void routines and directives, a count for `@step` and `@drain`, or `BUGCHECK` for a line
/// that is expected to stop the machine. The word `VERIFIER` may follow: the line is expected to
/// make at least one verifier report. A line that makes a verifier report (not a warning) without
/// saying `VERIFIER` does not meet its expectation.
enum FltExpectation {
    /// Whether the outcome meets the expectation, and why not when it does not.
    static func check(
        _ expectation: ScenarioExpectation, _ outcome: LineOutcome, violations: Int
    ) -> (met: Bool, reason: String?) {
        let words = expectation.words
        let word = expectation.returnWord
        if outcome.error != nil { return (false, nil) }
        var met: Bool
        if word == "BUGCHECK" {
            met = outcome.bugCheck != nil
        } else if outcome.bugCheck != nil {
            met = false
        } else if let status = outcome.status {
            guard let wanted = FltScenarioConstants.status(named: word) else {
                return (false, "\(ScenarioToken.quoted(word)) is not a status name or value")
            }
            met = wanted == status
        } else if let count = outcome.count {
            met = Int(word) == count
        } else {
            met = word == outcome.returned || (word == "-" && outcome.returned != "error")
        }
        let extras = words.dropFirst()
        if let unknown = extras.first(where: { $0 != "VERIFIER" }) {
            return (false, "\(ScenarioToken.quoted(unknown)) is not understood after the return (only VERIFIER is)")
        }
        let wantsVerifier = extras.contains("VERIFIER")
        if wantsVerifier && violations == 0 {
            return (false, "a verifier report was expected and none was made")
        }
        if !wantsVerifier && violations > 0 && outcome.bugCheck == nil {
            met = false
            return (met, "the line made a verifier report it did not expect (add VERIFIER after the return)")
        }
        return (met, nil)
    }
}
