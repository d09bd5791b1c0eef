/// The outcome of one scenario line, in a form every simulator shares and the CLI prints as text
/// or JSON.
public struct ScenarioStep: Sendable, Codable, Equatable {
    /// The 1-based line number.
    public var line: Int
    /// The function or directive (`CryptReleaseContext`, `@drain`).
    public var call: String
    /// The arguments as written.
    public var arguments: [String]
    /// The return value by name (`TRUE`, `STATUS_SUCCESS`, `RPC_S_OK`, `-` for void).
    public var returned: String
    /// The last error by name and value, for BOOL functions that failed (or always when set).
    public var lastError: String?
    /// Bytes the call wrote out, in hex.
    public var output: String?
    /// Names bound by the line and the values they got.
    public var bound: [String: String]
    /// Whether the expectation was met; nil when the line had none.
    public var met: Bool?
    /// The expectation as written, when the line had one.
    public var expected: String?
    /// Extra lines to show: verifier reports, exceptions, bug checks, work items run.
    public var notes: [String]
    /// Ledger events caused by the line, one per entry (`allocate hash#3`).
    public var ledgerDelta: [String]
    /// What the simulator did during the line that a reader may count (rundowns).
    public var events: [ScenarioEvent]
    /// The bug check the line caused, when it stopped the machine.
    public var bugCheck: ScenarioBugCheck?

    /// Creates a step.
    public init(
        line: Int, call: String, arguments: [String] = [], returned: String, lastError: String? = nil,
        output: String? = nil, bound: [String: String] = [:], met: Bool? = nil, expected: String? = nil,
        notes: [String] = [], ledgerDelta: [String] = [], events: [ScenarioEvent] = [],
        bugCheck: ScenarioBugCheck? = nil
    ) {
        self.bugCheck = bugCheck
        self.line = line
        self.call = call
        self.arguments = arguments
        self.returned = returned
        self.lastError = lastError
        self.output = output
        self.bound = bound
        self.met = met
        self.expected = expected
        self.notes = notes
        self.ledgerDelta = ledgerDelta
        self.events = events
    }
}

/// The outcome of a whole scenario run.
public struct ScenarioReport: Sendable, Codable, Equatable {
    /// Each line's outcome, in order.
    public var steps: [ScenarioStep]
    /// The live objects left at the end, by name (`hash#4`), per ledger (`client`, `server` ...).
    public var live: [String: [String]]
    /// Set when the run stopped early (a bug check, `--fail-fast`): why and at which line.
    public var stopped: String?
    /// The line the run stopped at, when it stopped early.
    public var stoppedAtLine: Int?
    /// Why the run stopped early, when it did.
    public var stopReason: ScenarioStopReason?
    /// The machines the run used, in order: the first, then one per `@reboot` (not encoded).
    public var machines: [ScenarioMachine] = []

    private enum CodingKeys: String, CodingKey {
        case steps, live, stopped, stoppedAtLine, stopReason
    }

    /// Creates a report.
    public init(steps: [ScenarioStep] = [], live: [String: [String]] = [:], stopped: String? = nil) {
        self.steps = steps
        self.live = live
        self.stopped = stopped
    }

    /// Reports are equal when their steps, live objects and stop are.
    public static func == (lhs: ScenarioReport, rhs: ScenarioReport) -> Bool {
        lhs.steps == rhs.steps && lhs.live == rhs.live && lhs.stopped == rhs.stopped
            && lhs.stoppedAtLine == rhs.stoppedAtLine && lhs.stopReason == rhs.stopReason
    }

    /// Records that the run stopped at `line`, why, and the text that says so.
    public mutating func stop(at line: Int, _ reason: ScenarioStopReason, _ text: String) {
        stopped = text
        stoppedAtLine = line
        stopReason = reason
    }

    /// The number of lines whose expectation was not met.
    public var failures: Int { steps.filter { $0.met == false }.count }

    /// The number of live objects left, over every ledger.
    public var liveTotal: Int { live.values.reduce(0) { $0 + $1.count } }
}

/// Why a scenario run stopped before its last line.
public enum ScenarioStopReason: String, Sendable, Codable, Equatable {
    /// A bug check no line expected stopped the machine.
    case bugCheck = "bug-check"
    /// An expectation was not met under `--fail-fast`.
    case expectation
}

/// Options every simulator's scenario runner takes.
public struct ScenarioOptions: Sendable {
    /// Stop at the first unmet expectation.
    public var failFast: Bool

    /// Creates options.
    public init(failFast: Bool = false) {
        self.failFast = failFast
    }
}

/// A simulator that can run scenario files: its call table, its ledgers, and a run on a fresh
/// session through ``ScenarioDriver``.
public protocol ScenarioRunner {
    /// What the simulator's lines may say.
    static var calls: ScenarioCallTable { get }
    /// The tables the run reports on, in report order.
    var ledgers: [ScenarioLedger] { get }
    /// Runs every line of the scenario in order and reports each outcome.
    func run(_ scenario: Scenario, options: ScenarioOptions) -> ScenarioReport
}
