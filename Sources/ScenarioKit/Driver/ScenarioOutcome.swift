/// What a simulator reports for one line it ran, before the driver turns it into a ``ScenarioStep``.
public struct ScenarioOutcome: Sendable, Equatable {
    /// The return by name (`TRUE`, `STATUS_SUCCESS (0x00000000)`, `-`, `pending`).
    public var returned: String
    /// The last error by name and value, when the family shows one.
    public var lastError: String?
    /// Bytes the call wrote out, in hex.
    public var output: String?
    /// Names bound by the line and the values they got, as text.
    public var bound: [String: String]
    /// Extra lines to show.
    public var notes: [String]
    /// What the simulator did that a reader may count (rundowns).
    public var events: [ScenarioEvent]
    /// Whether the expectation was met; nil when there was none to check.
    public var met: Bool?
    /// The expectation checked, when it is not the line's own (`@resume` checks the resumed call's).
    public var expected: String?
    /// The bug check the line caused, when it stopped the machine.
    public var bugCheck: ScenarioBugCheck?

    /// Creates an outcome.
    public init(
        returned: String, lastError: String? = nil, output: String? = nil, bound: [String: String] = [:],
        notes: [String] = [], events: [ScenarioEvent] = [], met: Bool? = nil, expected: String? = nil,
        bugCheck: ScenarioBugCheck? = nil
    ) {
        self.bugCheck = bugCheck
        self.returned = returned
        self.lastError = lastError
        self.output = output
        self.bound = bound
        self.notes = notes
        self.events = events
        self.met = met
        self.expected = expected
    }
}
