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

    /// The event as a text line.
    var text: String {
        let stamp = String(printf: "%8.3f", time)
        var line = "\(stamp)  \(event.padded(to: 14)) \(reader)"
        if let atr, let bytes = try? Hex.bytes(atr) { line += "  \(Hex.string(bytes))" }
        return line
    }
}
