import ContextCore

/// Prints a table's ledger for `--trace`: every event kept, then the live counts.
enum LedgerOutput {
    /// The ledger of `table` under a heading, as lines.
    static func lines(of table: HandleTable, title: String? = nil) -> [String] {
        let ledger = table.ledger
        var lines = ["ledger \(title ?? table.name): \(ledger.eventCount) event(s)"]
        lines += ledger.events.map { "  \($0.sequence). \($0)" }
        let live = ledger.live.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        lines.append("  live: \(ledger.liveTotal)" + (live.isEmpty ? "" : " (" + live.joined(separator: ", ") + ")"))
        return lines
    }

    /// Writes the ledger of `table` to standard error.
    static func trace(_ table: HandleTable, title: String? = nil) {
        for line in lines(of: table, title: title) {
            StandardError.write(line)
        }
    }
}
