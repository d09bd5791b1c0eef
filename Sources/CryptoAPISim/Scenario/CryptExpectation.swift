import ScenarioKit

/// The expectation of a line, read for the CryptoAPI family: `TRUE [hex]`, `FALSE [CODE]`, a code
/// for `GetLastError`, or `-` for a void function.
struct CryptExpectation {
    /// The expected return word (`TRUE`, `FALSE`, `-`, or a code for `GetLastError`).
    let returnWord: String
    /// The expected last error, for FALSE (or the return of `GetLastError`).
    let error: CryptError?
    /// The expected output bytes, lowercase hex.
    let output: String?

    /// Reads the words of an expectation for a function; throws when they do not fit it.
    init(_ expectation: ScenarioExpectation, function: String) throws(ScenarioRuntimeError) {
        let words = expectation.words
        let column = expectation.column
        switch function {
        case "GetLastError":
            returnWord = words[0]
            error = try Self.code(words[0], column: column)
            output = nil
            guard words.count == 1 else { throw ScenarioRuntimeError(column: column, message: "GetLastError expects one code") }
        case "SetLastError":
            guard words == ["-"] else { throw ScenarioRuntimeError(column: column, message: "SetLastError returns nothing: write '=> -'") }
            returnWord = "-"
            error = nil
            output = nil
        default:
            returnWord = words[0]
            switch words[0] {
            case "TRUE":
                error = nil
                output = words.count > 1 ? expectation.hexWords(from: 1) : nil
                if words.count > 1 && output == nil {
                    throw ScenarioRuntimeError(column: column, message: "the output after TRUE must be hex bytes")
                }
            case "FALSE":
                error = words.count > 1 ? try Self.code(words[1], column: column) : nil
                output = words.count > 2 ? expectation.hexWords(from: 2) : nil
                if words.count > 2 && output == nil {
                    throw ScenarioRuntimeError(column: column, message: "the output after the last error must be hex bytes")
                }
            default:
                throw ScenarioRuntimeError(column: column, message: "\(function) returns TRUE or FALSE, not '\(words[0])'")
            }
        }
    }

    /// A code by C name, or a decimal or `0x` hex value.
    static func code(_ word: String, column: Int) throws(ScenarioRuntimeError) -> CryptError {
        if let named = CryptError(name: word) { return named }
        let lower = word.lowercased()
        let value = lower.hasPrefix("0x") ? UInt32(lower.dropFirst(2), radix: 16) : UInt32(lower)
        guard let value else { throw ScenarioRuntimeError(column: column, message: "unknown error code '\(word)'") }
        return CryptError(rawValue: value)
    }

    /// Whether an outcome meets the expectation.
    func isMet(by outcome: CryptOutcome) -> Bool {
        switch outcome.kind {
        case .bool(let value):
            guard returnWord == (value ? "TRUE" : "FALSE") else { return false }
            if let error, !value, error != outcome.lastError { return false }
            if let output, output != (outcome.output.map(ScenarioHex.string) ?? "") { return false }
            return true
        case .lastError(let code):
            return error == code
        case .void:
            return returnWord == "-"
        case .pending:
            return false
        }
    }
}
