/// The libpcsclite functions the module calls, named compactly so a call in flight can be recorded
/// in one machine word (see ``PendingCalls``).
public enum PCSCFunction: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// `SCardEstablishContext`.
    case establishContext = 1
    /// `SCardReleaseContext`.
    case releaseContext
    /// `SCardIsValidContext`.
    case isValidContext
    /// `SCardListReaders`.
    case listReaders
    /// `SCardListReaderGroups`.
    case listReaderGroups
    /// `SCardFreeMemory`.
    case freeMemory
    /// `SCardCancel`.
    case cancel
    /// `SCardGetStatusChange`.
    case getStatusChange
    /// `SCardConnect`.
    case connect
    /// `SCardReconnect`.
    case reconnect
    /// `SCardDisconnect`.
    case disconnect
    /// `SCardBeginTransaction`.
    case beginTransaction
    /// `SCardEndTransaction`.
    case endTransaction
    /// `SCardStatus`.
    case status
    /// `SCardTransmit`.
    case transmit
    /// `SCardControl`.
    case control
    /// `SCardGetAttrib`.
    case getAttribute
    /// `SCardSetAttrib`.
    case setAttribute

    /// The C function's name (`SCardTransmit`).
    public var name: StaticString {
        switch self {
        case .establishContext: "SCardEstablishContext"
        case .releaseContext: "SCardReleaseContext"
        case .isValidContext: "SCardIsValidContext"
        case .listReaders: "SCardListReaders"
        case .listReaderGroups: "SCardListReaderGroups"
        case .freeMemory: "SCardFreeMemory"
        case .cancel: "SCardCancel"
        case .getStatusChange: "SCardGetStatusChange"
        case .connect: "SCardConnect"
        case .reconnect: "SCardReconnect"
        case .disconnect: "SCardDisconnect"
        case .beginTransaction: "SCardBeginTransaction"
        case .endTransaction: "SCardEndTransaction"
        case .status: "SCardStatus"
        case .transmit: "SCardTransmit"
        case .control: "SCardControl"
        case .getAttribute: "SCardGetAttrib"
        case .setAttribute: "SCardSetAttrib"
        }
    }

    /// The C function's name.
    public var description: String { name.description }

    /// Whether the call waits for a card or reader (powering it, an exchange, another application's
    /// transaction), rather than being answered by pcscd alone; such calls can legitimately take long
    /// (a card generating an RSA key takes up to a minute).
    public var waitsForCard: Bool {
        switch self {
        case .connect, .reconnect, .disconnect, .beginTransaction, .endTransaction, .status, .transmit, .control,
            .getAttribute, .setAttribute:
            true
        case .establishContext, .releaseContext, .isValidContext, .listReaders, .listReaderGroups, .freeMemory,
            .cancel, .getStatusChange:
            false
        }
    }
}
