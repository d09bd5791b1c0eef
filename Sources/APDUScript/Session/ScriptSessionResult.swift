import PCSC

/// Why a ``ScriptSession`` could not start the script.
public enum ScriptSessionSetupFailure: Error, Sendable, Equatable {
    /// No context could be established (pcscd is not running or refuses).
    case establishContext(PCSCError)
    /// The card in the reader could not be connected to (no card, removed, unresponsive ...).
    case connect(PCSCError)

    /// The PC/SC error behind the failure.
    public var error: PCSCError {
        switch self {
        case .establishContext(let error), .connect(let error): return error
        }
    }
}

/// How a ``ScriptSession`` run ended: the runner's outcome, and what was kept of the run.
public struct ScriptSessionResult: Sendable {
    /// The reader the script ran on.
    public let reader: String
    /// Why the script did not start, or nil when it ran.
    public let setupFailure: ScriptSessionSetupFailure?
    /// How the script ended; nil when it did not start.
    public let outcome: ScriptOutcome?
    /// The card's status at the start, when it was read (transcript or ``ScriptSessionOptions/readsCardStatus``).
    public let cardStatus: CardStatus?
    /// The transcript of the run, when one was asked for and the script started.
    public let transcript: Transcript?
    /// The test cases of the run, still open: finish them with
    /// ``ScriptTestCollector/finish(error:stoppedAtLine:)`` or ``suite``.
    public var tests: ScriptTestCollector
    /// The script's first line, where a failure before any line is reported.
    public let firstLine: Int

    /// Whether the script ran to its end and every expectation was met.
    public var succeeded: Bool { outcome?.succeeded ?? false }

    /// The test suite, with the session's own words for a run that stopped on an error.
    public var suite: ScriptTestSuite {
        var tests = tests
        if let setupFailure {
            return tests.finish(error: ScriptTestProblem(line: firstLine, message: "\(setupFailure.error)"), stoppedAtLine: nil)
        }
        if let (line, error) = outcome?.error {
            return tests.finish(error: ScriptTestProblem(line: line, message: "line \(line): \(error)"), stoppedAtLine: nil)
        }
        if let line = outcome?.interruptedAtLine {
            return tests.finish(error: ScriptTestProblem(line: line, message: "line \(line): interrupted"), stoppedAtLine: nil)
        }
        return tests.finish(error: nil, stoppedAtLine: outcome?.stoppedAtLine)
    }
}
