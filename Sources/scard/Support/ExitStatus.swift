import ArgumentParser
import PCSC

/// The exit codes of `scard`, the same for every subcommand.
enum ExitStatus: Int32, CaseIterable {
    /// Everything worked and every check passed.
    case success = 0
    /// A check failed: a status word or an expected response did not match, a scenario
    /// expectation was not met.
    case checkFailed = 1
    /// Bad usage or input: unknown option, malformed hex or APDU, script syntax, unreadable file.
    case usage = 2
    /// A PC/SC call failed for a reason not listed below.
    case pcscError = 3
    /// No readers, an unknown or ambiguous reader, or no card in the reader.
    case noCard = 4
    /// The card was removed or reset while in use.
    case cardRemoved = 5
    /// pcscd is not running.
    case noService = 6
    /// A wait timed out, or a PC/SC call did not return within its deadline.
    case timeout = 7
    /// An output (standard output, a file, the key store) could not be written.
    case writeFailed = 8
    /// Interrupted (Ctrl-C or SIGTERM).
    case interrupted = 130

    /// What the code means, in a few words: `--help`'s table and the man page's EXIT STATUS.
    var summary: String {
        switch self {
        case .success: return "success"
        case .checkFailed: return "a check failed (status word, expected response, scenario expectation)"
        case .usage: return "usage error or malformed input (hex, APDU, script, scenario, file)"
        case .pcscError: return "PC/SC error"
        case .noCard: return "no readers, unknown or ambiguous reader, or no card"
        case .cardRemoved: return "card removed or reset during the run"
        case .noService: return "pcscd is not running"
        case .timeout: return "timed out (a wait, or a PC/SC call past its deadline)"
        case .writeFailed: return "an output could not be written (standard output, a report, the store)"
        case .interrupted: return "interrupted (Ctrl-C or SIGTERM)"
        }
    }

    /// What the code means for the simulators (`crypt`, `flt`, `rpc`), or nil when they never exit with it.
    var simulatorMeaning: String? {
        switch self {
        case .success: return "every expectation met"
        case .checkFailed: return "an expectation not met, a run stopped by --fail-fast, objects still live with --expect-clean, an example that does not hold"
        case .usage: return "unreadable scenario, syntax error, unknown function, bad expectation word, damaged key store"
        case .writeFailed: return "standard output or the key store (crypt) could not be written"
        case .interrupted: return "interrupted"
        case .pcscError, .noCard, .cardRemoved, .noService, .timeout: return nil
        }
    }

    /// The table printed in `--help`, made from ``summary``.
    static var table: String {
        "Exit codes:\n" + allCases.map { "  " + String($0.rawValue).padded(to: 5) + $0.summary }.joined(separator: "\n")
    }

    /// The exit status a PC/SC error maps to.
    static func of(_ error: PCSCError) -> ExitStatus {
        switch error {
        case .noService, .serviceStopped: return .noService
        case .noSmartcard, .unknownReader, .noReadersAvailable, .readerUnavailable: return .noCard
        case .removedCard, .resetCard, .unpoweredCard, .unresponsiveCard: return .cardRemoved
        case .timeout: return .timeout
        default: return .pcscError
        }
    }
}

/// An error the CLI reports as one line on standard error, with its exit status.
struct CLIError: Error, CustomStringConvertible {
    /// The line to print, without the `scard: ` prefix.
    let message: String
    /// The exit status.
    let status: ExitStatus

    /// The message.
    var description: String { message }

    /// The error for a failed PC/SC call, naming what was being done.
    static func pcsc(_ error: PCSCError, while doing: String? = nil) -> CLIError {
        let prefix = doing.map { "\($0): " } ?? ""
        return CLIError(message: prefix + error.description, status: ExitStatus.of(error))
    }

    /// The error for input that could not be used.
    static func usage(_ message: String) -> CLIError {
        CLIError(message: message, status: .usage)
    }
}
