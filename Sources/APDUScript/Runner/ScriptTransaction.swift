import PCSC

/// The PC/SC transaction a script run holds: for the whole run, or for a `transaction begin` ...
/// `transaction end` block. The parser has already checked that blocks open, close and do not nest.
struct ScriptTransaction {
    /// The card the transaction is on.
    let card: Card
    /// Whether the whole run is one transaction (blocks then begin and end nothing).
    let wholeRun: Bool
    /// Whether the script holds a transaction now.
    private(set) var isHeld = false

    /// Creates the state of a run that holds nothing yet.
    init(card: Card, wholeRun: Bool) {
        self.card = card
        self.wholeRun = wholeRun
    }

    /// Begins the transaction of the whole run.
    mutating func beginWholeRun() throws(PCSCError) {
        try card.beginTransaction()
        isHeld = true
    }

    /// `transaction begin`: begins one, unless the whole run is one already.
    mutating func beginBlock() throws(PCSCError) {
        guard !wholeRun, !isHeld else { return }
        try card.beginTransaction()
        isHeld = true
    }

    /// `transaction end`: ends the block's transaction, unless the whole run is one.
    mutating func endBlock() throws(PCSCError) {
        guard !wholeRun, isHeld else { return }
        isHeld = false
        try card.endTransaction()
    }

    /// Ends what is still held when the run stops at `line`: a failure to end it becomes the
    /// run's error when the run had none, and is left aside when it already failed or stopped.
    mutating func finish(at line: Int, outcome: inout ScriptOutcome) {
        guard isHeld else { return }
        isHeld = false
        let clean = outcome.error == nil && outcome.interruptedAtLine == nil && outcome.stoppedAtLine == nil
        guard clean else {
            try? card.endTransaction()
            return
        }
        do {
            try card.endTransaction()
        } catch {
            outcome.error = (line, error)
        }
    }
}
