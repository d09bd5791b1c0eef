/// What happens to the card when a connection or transaction ends.
public enum Disposition: UInt32, Sendable, CaseIterable {
    /// Leave the card as it is. The corresponding C value is `SCARD_LEAVE_CARD`.
    case leave = 0
    /// Reset the card. The corresponding C value is `SCARD_RESET_CARD`.
    case reset = 1
    /// Power the card down. The corresponding C value is `SCARD_UNPOWER_CARD`.
    case unpower = 2
    /// Eject the card. The corresponding C value is `SCARD_EJECT_CARD`.
    case eject = 3

    /// The lowercase name used on the command line.
    public var name: String {
        switch self {
        case .leave: return "leave"
        case .reset: return "reset"
        case .unpower: return "unpower"
        case .eject: return "eject"
        }
    }
}
