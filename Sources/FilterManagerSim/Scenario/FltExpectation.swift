import ScenarioKit

/// Checks a line's `=> ...` against what the line did.
///
/// The first word is the return: a status name or value for NTSTATUS routines and `@register`,
/// `-` for void routines and directives, a count for `@step` and `@drain`, or `BUGCHECK` for a line
/// that is expected to stop the machine. The word `VERIFIER` may follow: the line is expected to
/// make at least one verifier report. A line that makes a verifier report (not a warning) without
/// saying `VERIFIER` does not meet its expectation.
enum FltExpectation {
    /// Reads an expectation for a routine or directive before anything runs; throws when a word
    /// does not fit.
    static func read(_ expectation: ScenarioExpectation, call: String) throws(ScenarioRuntimeError) {
        let word = expectation.returnWord
        if let unknown = expectation.words.dropFirst().first(where: { $0 != "VERIFIER" }) {
            throw ScenarioRuntimeError(
                column: expectation.column,
                message: "\(ScenarioToken.quoted(unknown)) is not understood after the return (only VERIFIER is)")
        }
        let directiveStatus = (call == "@register" || call == "@filter") && word != "-"
        let returns = FltScenarioCalls.table.function(named: call)?.returns
        if returns == "VOID", word != "-", word != "BUGCHECK" {
            throw ScenarioRuntimeError(
                column: expectation.column, message: "\(call) returns nothing ('-'), not \(ScenarioToken.quoted(word))")
        }
        let returnsStatus = directiveStatus || returns == "NTSTATUS"
        if returnsStatus, word != "BUGCHECK", FltScenarioConstants.status(named: word) == nil {
            throw ScenarioRuntimeError(
                column: expectation.column, message: "\(ScenarioToken.quoted(word)) is not a status name or value")
        }
    }

    /// Whether the outcome meets the expectation, and why not when it does not.
    static func check(
        _ expectation: ScenarioExpectation, _ outcome: LineOutcome, violations: Int
    ) -> (met: Bool, reason: String?) {
        let word = expectation.returnWord
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
            met = word == outcome.returned || word == "-"
        }
        let wantsVerifier = expectation.words.dropFirst().contains("VERIFIER")
        if wantsVerifier && violations == 0 {
            return (false, "a verifier report was expected and none was made")
        }
        if !wantsVerifier && violations > 0 && outcome.bugCheck == nil {
            return (false, "the line made a verifier report it did not expect (add VERIFIER after the return)")
        }
        return (met, nil)
    }
}
