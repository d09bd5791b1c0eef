/// How a connection shares the card with other applications.
public enum ShareMode: UInt32, Sendable, CaseIterable {
    /// No other connection may use the card. The corresponding C value is `SCARD_SHARE_EXCLUSIVE`.
    case exclusive = 1
    /// Other connections may use the card. The corresponding C value is `SCARD_SHARE_SHARED`.
    case shared = 2
    /// A connection to the reader itself, card or not. The corresponding C value is `SCARD_SHARE_DIRECT`.
    case direct = 3

    /// The lowercase name used on the command line.
    public var name: String {
        switch self {
        case .exclusive: return "exclusive"
        case .shared: return "shared"
        case .direct: return "direct"
        }
    }
}
