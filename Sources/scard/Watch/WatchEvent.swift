import PCSC

/// A reader or card event as `scard watch` reports it.
struct WatchEvent: Encodable {
    /// The line's type in JSON.
    let type = "event"
    /// `inserted`, `removed`, `reader-added`, `reader-removed`, or for the first report of each
    /// reader `present` / `empty`.
    let event: String
    /// The reader, with its index in the reader list as the watch last saw it.
    let reader: ReaderReference
    /// The card's ATR in hex, for `inserted` and `present`.
    let atr: String?
    /// Seconds since the watch started.
    let seconds: Double
    /// Whether this is the state found at the start rather than a change.
    let initial: Bool
    /// The card's names from pcsc-tools' database, for events with an ATR.
    let cardNames: [String]?

    /// The form of a library event, `time` seconds into the watch, with the readers known then.
    init(_ change: ReaderEvent, time: Double, readers: [String], naming: CardNaming? = nil) {
        event = Self.name(of: change.kind)
        reader = ReaderReference(change.reader, among: readers)
        let showsATR = change.kind != .readerAdded && change.kind != .readerRemoved
        atr = showsATR && !change.atr.isEmpty ? JSONValue.hex(change.atr) : nil
        seconds = time
        initial = change.isInitial
        cardNames = atr == nil ? nil : naming.map { (try? $0.names(for: change.atr)) ?? [] }
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
        let stamp = String(printf: "%8.3f", seconds)
        var line = "\(stamp)  \(event.padded(to: 14)) \(reader.name)"
        if let atr, let bytes = try? Hex.bytes(atr) { line += "  \(Hex.string(bytes))" }
        for name in cardNames ?? [] { line += "\n" + String(repeating: " ", count: 26) + name }
        return line
    }
}
