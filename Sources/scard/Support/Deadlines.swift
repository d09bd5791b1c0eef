import ArgumentParser
@preconcurrency import Glibc
import PCSC

/// How long one PC/SC call may take before `scard` gives up on it and exits 7: `--timeout`, else
/// `$SCARD_TIMEOUT`, else a default for calls that wait for the card and a shorter one for the rest.
struct Deadlines: Sendable {
    /// Seconds for calls that wait for the card (connect, transmit, transactions, status).
    var card: Double
    /// Seconds for calls pcscd answers alone (establish, list, release, and status waits beyond their own timeout).
    var service: Double

    /// The default for calls that wait for the card: above a slow card's RSA key generation (30-60 s).
    static let defaultCard = 120.0
    /// The default for calls pcscd answers alone.
    static let defaultService = 10.0
    /// The environment variable that sets the deadline when `--timeout` is not given (for CI).
    static let variable = "SCARD_TIMEOUT"

    /// The help text of `--timeout`.
    static let help = "Give up on a PC/SC call (pcscd or the card not answering) after this many seconds and exit 7 (default: $SCARD_TIMEOUT, else 120 for calls that wait for the card and 10 for the rest)."

    /// One limit for every call.
    init(all seconds: Double) {
        card = seconds
        service = seconds
    }

    /// The defaults.
    init() {
        card = Self.defaultCard
        service = Self.defaultService
    }

    /// The deadlines for `timeout` (the option's value), else `$SCARD_TIMEOUT` when it is valid, else the defaults.
    static func resolve(_ timeout: Double?) -> Deadlines {
        if let timeout { return Deadlines(all: timeout) }
        if let text = environmentValue, let seconds = seconds(text) {
            return Deadlines(all: seconds)
        }
        return Deadlines()
    }

    /// Rejects a `$SCARD_TIMEOUT` that is set but not a positive number of seconds (a usage error).
    static func validateEnvironment() throws {
        guard let text = environmentValue, !text.isEmpty else { return }
        if seconds(text) == nil {
            throw ValidationError("\(variable)='\(text.prefix(40))' is not a positive number of seconds")
        }
    }

    /// `$SCARD_TIMEOUT`, read alone (copying the whole environment costs more than the command).
    static var environmentValue: String? {
        getenv(variable).map { String(cString: $0) }
    }

    /// A positive number of seconds that a wait can use, or nil.
    static func seconds(_ text: String) -> Double? {
        guard let value = Double(text.trimmingBlanks()), isValid(value) else { return nil }
        return value
    }

    /// Whether `seconds` can be a deadline.
    static func isValid(_ seconds: Double) -> Bool {
        seconds > 0 && seconds < 4_000_000
    }

    /// The limit for a call of `function`.
    func limit(for function: PCSCFunction) -> Double {
        function.waitsForCard ? card : service
    }

    /// `2`, `0.5`, `120`: seconds as the messages show them.
    static func text(_ seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e9 ? String(Int(seconds)) : String(seconds)
    }
}
