import CardNames

/// The card names the shell shows for an ATR, from pcsc-tools' ATR database (read once, when first
/// needed, from where pcsc-tools keeps it or `$SCARD_ATR_LIST`).
enum ShellCardNames {
    /// The database, or nil when none is installed or it cannot be read.
    private static let database: ATRDatabase? = try? ATRDatabaseLocation.load()

    /// The names the database gives `atr`, all matches in its order; none without a database.
    @Sendable static func lookup(_ atr: [UInt8]) -> [String] {
        database?.names(for: atr) ?? []
    }
}
