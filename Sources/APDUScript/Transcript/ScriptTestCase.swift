import FoundationEssentials

/// A failed expectation or an error inside a test case: the line, and what was expected and seen.
public struct ScriptTestProblem: Sendable, Equatable {
    /// The script line.
    public var line: Int
    /// The command sent on that line, in hex.
    public var command: String?
    /// The expected response pattern.
    public var expected: String?
    /// The response the card gave.
    public var actual: String?
    /// What went wrong, in one sentence (`line 7: expected 90 00, got 6A 82`).
    public var message: String

    /// Creates a problem record.
    public init(line: Int, command: String? = nil, expected: String? = nil, actual: String? = nil, message: String) {
        self.line = line
        self.command = command
        self.expected = expected
        self.actual = actual
        self.message = message
    }
}

/// One test case of a script run: a `# test:` section, the lines before the first section
/// (`setup`), or the whole script when it has no sections.
public struct ScriptTestCase: Sendable, Equatable {
    /// How a test case ended.
    public enum Verdict: String, Sendable, Equatable {
        /// Every expectation was met.
        case passed
        /// An expectation was not met.
        case failed
        /// A PC/SC error (card removed, pcscd gone, no card) stopped it.
        case error
        /// It did not run because the script stopped before it.
        case skipped
    }

    /// The section's name (or the script's name when it has no sections).
    public var name: String
    /// The line the case starts on.
    public var line: Int
    /// The APDUs exchanged in the case.
    public var exchanges = 0
    /// The time spent in those exchanges, in seconds.
    public var seconds = 0.0
    /// The failed expectations, in order.
    public var failures: [ScriptTestProblem] = []
    /// The error that stopped the case.
    public var error: ScriptTestProblem?
    /// Why the case did not run, when it did not.
    public var skipped: String?

    /// Creates a case that has not run yet.
    public init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    /// The verdict: an error first, then failures, then skipped, else passed.
    public var verdict: Verdict {
        if error != nil { return .error }
        if !failures.isEmpty { return .failed }
        if skipped != nil { return .skipped }
        return .passed
    }
}

/// The test cases of one script run on one reader.
public struct ScriptTestSuite: Sendable, Equatable {
    /// The script's name (its file name).
    public var name: String
    /// The reader it ran on.
    public var reader: String?
    /// The card's ATR in hex.
    public var atr: String?
    /// When the run started.
    public var timestamp: Date?
    /// The cases, in script order.
    public var cases: [ScriptTestCase]

    /// Creates a suite.
    public init(name: String, reader: String? = nil, atr: String? = nil, timestamp: Date? = nil, cases: [ScriptTestCase]) {
        self.name = name
        self.reader = reader
        self.atr = atr
        self.timestamp = timestamp
        self.cases = cases
    }

    /// The number of cases with each verdict.
    public func count(_ verdict: ScriptTestCase.Verdict) -> Int {
        cases.filter { $0.verdict == verdict }.count
    }

    /// The time of all cases, in seconds.
    public var seconds: Double { cases.reduce(0) { $0 + $1.seconds } }
}
