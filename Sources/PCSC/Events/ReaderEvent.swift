/// A change seen in a reader: a card inserted or removed, a reader added or removed, or, when
/// watching starts, the state each reader was found in.
public struct ReaderEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: Sendable, Hashable, CaseIterable {
        /// Watching started with a card in the reader.
        case present
        /// Watching started with the reader empty.
        case empty
        /// A card was inserted.
        case inserted
        /// A card was removed.
        case removed
        /// A reader was plugged in (or pcscd began to list it).
        case readerAdded
        /// A reader was unplugged (or pcscd stopped listing it).
        case readerRemoved
    }

    /// What happened.
    public let kind: Kind
    /// The reader it happened in.
    public let reader: String
    /// The card's ATR for ``Kind/present`` and ``Kind/inserted`` (empty when pcscd gives none).
    public let atr: [UInt8]
    /// Whether this is the state found when watching started rather than a change.
    public let isInitial: Bool

    /// Creates an event.
    public init(_ kind: Kind, reader: String, atr: [UInt8] = [], isInitial: Bool = false) {
        self.kind = kind
        self.reader = reader
        self.atr = atr
        self.isInitial = isInitial
    }
}
