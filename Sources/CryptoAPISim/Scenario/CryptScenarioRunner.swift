import ScenarioKit

/// Runs scenario files of the CryptoAPI family (section 0 of the semantics) against a
/// ``CryptSimulator`` and reports each line: return, last error, output, bound names, ledger.
///
/// Directives: `@thread T2` (calls now come from that simulated thread), `@profile windows|documented`,
/// `@buffer NAME SIZE [PATTERN]` (a named data buffer: SIZE bytes of PATTERN repeated, text or
/// `x"hex"`, zero bytes by default), `@pause N` (the current thread's next `CryptHashData` stops
/// inside the API after N chunks, running on its own OS thread, so another thread can meet it
/// there: the `ERROR_BUSY` case), `@resume T1` (lets it finish; the line's expectation is checked
/// then). A binding named `NULL` passes a NULL out-pointer.
public struct CryptScenarioRunner: ScenarioRunner {
    /// What CryptoAPI lines may say.
    public static var calls: ScenarioCallTable { CryptScenarioCalls.table }

    /// The simulated process the scenario runs in.
    public let simulator: CryptSimulator
    /// The error profile a run starts in, when it is not the simulator's own.
    public let profile: CryptProfile?

    /// Creates a runner on a simulator (a fresh one with an in-memory store by default), starting
    /// each run in `profile` when given.
    public init(simulator: CryptSimulator = CryptSimulator(), profile: CryptProfile? = nil) {
        self.simulator = simulator
        self.profile = profile
    }

    /// The simulator's table, under its name.
    public var ledgers: [ScenarioLedger] { [ScenarioLedger(name: simulator.table.name, table: simulator.table)] }

    /// Runs every line in order (stopping at the first unmet expectation with `failFast`), lets
    /// any call still stopped inside the API finish, and ends with the live objects of the ledger.
    /// `@reboot` starts a new process on the same container store: handles are gone, containers
    /// persist, as they do on disk.
    public func run(_ scenario: Scenario, options: ScenarioOptions = ScenarioOptions()) -> ScenarioReport {
        if let profile { simulator.profile = profile }
        var booted = false
        return ScenarioDriver.run(scenario, options: options) {
            defer { booted = true }
            let process = booted
                ? CryptSimulator(
                    store: simulator.store, profile: profile ?? .windows, userName: simulator.userName,
                    ledgerCapacity: simulator.table.ledger.capacity)
                : simulator
            return CryptScenarioSession(
                simulator: process, ledgers: [ScenarioLedger(name: process.table.name, table: process.table)])
        }
    }
}
