import Synchronization

/// The card names the shell shows for an ATR, found as every other command finds them
/// (``CardNaming``: pcsc-tools' database or `$SCARD_ATR_LIST`, read once, a note when none is
/// installed), shared by the shell's threads.
enum ShellCardNames {
    /// The naming, behind a lock: a card call the shell left to itself may still name its card.
    private static let naming = Mutex(CardNaming(explicitPath: nil))

    /// The names the database gives `atr`, all matches in its order; none without a database or when
    /// the list named by `$SCARD_ATR_LIST` cannot be read.
    @Sendable static func lookup(_ atr: [UInt8]) -> [String] {
        naming.withLock { (try? $0.names(for: atr)) ?? [] }
    }
}
