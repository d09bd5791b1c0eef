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

    /// The table printed in `--help` and the docs.
    static let table = """
        Exit codes:
          0    success
          1    a check failed (status word, expected response, scenario expectation)
          2    usage error or malformed input (hex, APDU, script, file)
          3    PC/SC error
          4    no readers, unknown or ambiguous reader, or no card
          5    card removed or reset during the run
          6    pcscd is not running
          7    timed out (a wait, or a PC/SC call past its deadline)
          8    an output could not be written (standard output, a report, the store)
          130  interrupted (Ctrl-C or SIGTERM)
        """

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
