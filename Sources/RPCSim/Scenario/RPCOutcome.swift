import ScenarioKit

/// What one scenario line of the RPC family returned: a status, nothing (a void function that
/// returned normally), or an exception.
enum RPCOutcome: Equatable, CustomStringConvertible {
    /// An `RPC_STATUS` return value.
    case status(RPCStatus)
    /// A void function that returned normally (`-`).
    case void
    /// A raised RPC exception.
    case exception(RPCStatus)
    /// A call of a client thread that has not returned yet (it is inside the server, or waits).
    case pending

    /// `RPC_S_OK (0)`, `-`, `EXCEPTION RPC_X_SS_CONTEXT_MISMATCH (6)`.
    var description: String {
        switch self {
        case .status(let status): return status.description
        case .void: return "-"
        case .exception(let status): return RPCException(status).description
        case .pending: return "pending"
        }
    }
}

/// The expectation after `=>` on an RPC line: `RPC_S_OK`, a status by value (`6`, `0x6BA`), `-`
/// for a void function, or `EXCEPTION <status>`; then, optionally, the expected output bytes in hex.
struct RPCExpectation {
    /// The expected return.
    let outcome: RPCOutcome
    /// The expected output bytes, lowercase hex, when written.
    let output: String?

    /// Reads an expectation; throws when a word is not a status or the bytes are not hex.
    init(_ expectation: ScenarioExpectation) throws(ScenarioRuntimeError) {
        let words = expectation.words
        var next = 1
        switch expectation.returnWord {
        case "-":
            outcome = .void
        case "EXCEPTION":
            guard words.count > 1 else {
                throw ScenarioRuntimeError(column: expectation.column, message: "expected a status after EXCEPTION")
            }
            outcome = .exception(try Self.status(words[1], column: expectation.column))
            next = 2
        default:
            outcome = .status(try Self.status(expectation.returnWord, column: expectation.column))
        }
        if next < words.count {
            guard let hex = expectation.hexWords(from: next) else {
                throw ScenarioRuntimeError(
                    column: expectation.column,
                    message: "expected output bytes in hex after the result, found \(ScenarioToken.quoted(words[next...].joined(separator: " ")))")
            }
            output = hex
        } else {
            output = nil
        }
    }

    /// Whether a line's result meets the expectation.
    func isMet(by outcome: RPCOutcome, output: [UInt8]?) -> Bool {
        guard outcome == self.outcome else { return false }
        guard let expected = self.output else { return true }
        return output.map(ScenarioHex.string) == expected
    }

    /// A status by C name, or by decimal or `0x` value.
    static func status(_ word: String, column: Int) throws(ScenarioRuntimeError) -> RPCStatus {
        if let status = RPCStatus(name: word) { return status }
        let value: Int32?
        if word.hasPrefix("0x") || word.hasPrefix("0X") {
            value = UInt32(word.dropFirst(2), radix: 16).map { Int32(bitPattern: $0) }
        } else {
            value = Int32(word)
        }
        guard let value else {
            throw ScenarioRuntimeError(column: column, message: "\(ScenarioToken.quoted(word)) is not an RPC status")
        }
        return RPCStatus(rawValue: value)
    }
}
