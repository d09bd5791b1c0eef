import ContextCore

/// A handle table a scenario run reports on, under the name reports and traces give it.
public struct ScenarioLedger: Sendable {
    /// The name in reports (`crypt`, `flt`, `client`, `server`).
    public let name: String
    /// The table whose ledger it is.
    public let table: HandleTable
    /// Whether each ledger change of a step starts with the name (when a run has several ledgers).
    public let namesEvents: Bool

    /// Creates a named ledger.
    public init(name: String, table: HandleTable, namesEvents: Bool = false) {
        self.name = name
        self.table = table
        self.namesEvents = namesEvents
    }

    /// The number of events recorded so far, to take the changes of one step later.
    public var mark: Int { table.ledger.eventCount }

    /// The events after `mark`, as a step shows them (`allocate hash#3`, `client: free binding#1`).
    public func changes(since mark: Int) -> [String] {
        let ledger = table.ledger
        guard ledger.eventCount > mark else { return [] }
        return ledger.events(after: mark).map { namesEvents ? "\(name): \($0)" : $0.description }
    }

    /// The live resources by name (`hash#4 CALG_MD5`).
    public var liveNames: [String] { table.liveResources().map(\.description) }
}
