/// One machine a scenario run used, with the ledgers a trace prints: the first machine, and a
/// fresh one for each `@reboot`.
public struct ScenarioMachine: Sendable {
    /// The line of the `@reboot` that started it; nil for the first machine.
    public let bootLine: Int?
    /// Its ledgers, in report order.
    public let ledgers: [ScenarioLedger]

    /// Creates a machine record.
    public init(bootLine: Int?, ledgers: [ScenarioLedger]) {
        self.bootLine = bootLine
        self.ledgers = ledgers
    }

    /// The title of one of its ledgers in a trace: the ledger's name, and the reboot that made it.
    public func title(of ledger: ScenarioLedger) -> String {
        bootLine.map { "\(ledger.name) (after @reboot at line \($0))" } ?? ledger.name
    }
}
