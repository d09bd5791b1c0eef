import PCSC

/// A reader or card event as `scard watch` reports it.
struct WatchEvent: Encodable {
    /// `inserted`, `removed`, `reader-added`, `reader-removed`, or for the first report of each
    /// reader `present` / `empty`.
    let event: String
    /// The reader's name.
    let reader: String
    /// The card's ATR in hex, for `inserted` and `present`.
    let atr: String?
    /// Seconds since the watch started.
    let time: Double
    /// Whether this is the state found at the start rather than a change.
    let initial: Bool

    /// The form of a library event, `time` seconds into the watch.
    init(_ change: ReaderEvent, time: Double) {
        event = Self.name(of: change.kind)
        reader = change.reader
        let showsATR = change.kind != .readerAdded && change.kind != .readerRemoved
        atr = showsATR && !change.atr.isEmpty ? Hex.string(change.atr, separator: "") : nil
        self.time = time
        initial = change.isInitial
    }

    /// The event's name in the output.
    static func name(of kind: ReaderEvent.Kind) -> String {
        switch kind {
        case .present: return "present"
        case .empty: return "empty"
        case .inserted: return "inserted"
        case .removed: return "removed"
        case .readerAdded: return "reader-added"
        case .readerRemoved: return "reader-removed"
        }
    }

    /// The event as a text line.
    var text: String {
        let stamp = String(printf: "%8.3f", time)
        var line = "\(stamp)  \(event.padded(to: 14)) \(reader)"
        if let atr, let bytes = try? Hex.bytes(atr) { line += "  \(Hex.string(bytes))" }
        return line
    }
}
