/// A PC/SC result code other than success, as returned by libpcsclite or raised by this layer.
///
/// Each named member carries the C name in its doc comment; codes without a name are still
/// represented (and shown in hex), never a crash.
public struct PCSCError: Error, RawRepresentable, Hashable, Sendable {
    /// The code as the C library returns it (`LONG`, shown as 32-bit hex).
    public let rawValue: UInt32

    /// Creates an error from a raw code.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Creates an error from the `LONG` a C call returned; nil for `SCARD_S_SUCCESS`.
    init?(code: Int) {
        guard code != 0 else { return nil }
        self.init(rawValue: UInt32(truncatingIfNeeded: code))
    }

    /// An internal consistency check failed. The corresponding C code is `SCARD_F_INTERNAL_ERROR`.
    public static let internalError = PCSCError(rawValue: 0x8010_0001)
    /// The action was cancelled by `SCardCancel`. The corresponding C code is `SCARD_E_CANCELLED`.
    public static let cancelled = PCSCError(rawValue: 0x8010_0002)
    /// The handle is not (or no longer) valid. The corresponding C code is `SCARD_E_INVALID_HANDLE`.
    public static let invalidHandle = PCSCError(rawValue: 0x8010_0003)
    /// A parameter could not be interpreted. The corresponding C code is `SCARD_E_INVALID_PARAMETER`.
    public static let invalidParameter = PCSCError(rawValue: 0x8010_0004)
    /// Registry startup information is missing or invalid. The corresponding C code is `SCARD_E_INVALID_TARGET`.
    public static let invalidTarget = PCSCError(rawValue: 0x8010_0005)
    /// Not enough memory. The corresponding C code is `SCARD_E_NO_MEMORY`.
    public static let noMemory = PCSCError(rawValue: 0x8010_0006)
    /// An internal timer expired. The corresponding C code is `SCARD_F_WAITED_TOO_LONG`.
    public static let waitedTooLong = PCSCError(rawValue: 0x8010_0007)
    /// The receive buffer is too small. The corresponding C code is `SCARD_E_INSUFFICIENT_BUFFER`.
    public static let insufficientBuffer = PCSCError(rawValue: 0x8010_0008)
    /// The reader name is not known. The corresponding C code is `SCARD_E_UNKNOWN_READER`.
    public static let unknownReader = PCSCError(rawValue: 0x8010_0009)
    /// The timeout expired. The corresponding C code is `SCARD_E_TIMEOUT`.
    public static let timeout = PCSCError(rawValue: 0x8010_000A)
    /// Another connection holds the card. The corresponding C code is `SCARD_E_SHARING_VIOLATION`.
    public static let sharingViolation = PCSCError(rawValue: 0x8010_000B)
    /// No card is in the reader. The corresponding C code is `SCARD_E_NO_SMARTCARD`.
    public static let noSmartcard = PCSCError(rawValue: 0x8010_000C)
    /// The card name is not known. The corresponding C code is `SCARD_E_UNKNOWN_CARD`.
    public static let unknownCard = PCSCError(rawValue: 0x8010_000D)
    /// The card could not be disposed of as asked. The corresponding C code is `SCARD_E_CANT_DISPOSE`.
    public static let cantDispose = PCSCError(rawValue: 0x8010_000E)
    /// The protocols asked for do not match the card's. The corresponding C code is `SCARD_E_PROTO_MISMATCH`.
    public static let protocolMismatch = PCSCError(rawValue: 0x8010_000F)
    /// The reader or card is not ready. The corresponding C code is `SCARD_E_NOT_READY`.
    public static let notReady = PCSCError(rawValue: 0x8010_0010)
    /// A parameter value could not be interpreted. The corresponding C code is `SCARD_E_INVALID_VALUE`.
    public static let invalidValue = PCSCError(rawValue: 0x8010_0011)
    /// The system cancelled the action. The corresponding C code is `SCARD_E_SYSTEM_CANCELLED`.
    public static let systemCancelled = PCSCError(rawValue: 0x8010_0012)
    /// Communication with pcscd or the reader failed. The corresponding C code is `SCARD_F_COMM_ERROR`.
    public static let communicationError = PCSCError(rawValue: 0x8010_0013)
    /// An internal error of unknown source. The corresponding C code is `SCARD_F_UNKNOWN_ERROR`.
    public static let unknownError = PCSCError(rawValue: 0x8010_0014)
    /// An ATR is not valid. The corresponding C code is `SCARD_E_INVALID_ATR`.
    public static let invalidATR = PCSCError(rawValue: 0x8010_0015)
    /// No transaction to end. The corresponding C code is `SCARD_E_NOT_TRANSACTED`.
    public static let notTransacted = PCSCError(rawValue: 0x8010_0016)
    /// The reader is not available. The corresponding C code is `SCARD_E_READER_UNAVAILABLE`.
    public static let readerUnavailable = PCSCError(rawValue: 0x8010_0017)
    /// The operation was aborted so pcscd could exit. The corresponding C code is `SCARD_P_SHUTDOWN`.
    public static let shutdown = PCSCError(rawValue: 0x8010_0018)
    /// The PCI receive buffer is too small. The corresponding C code is `SCARD_E_PCI_TOO_SMALL`.
    public static let pciTooSmall = PCSCError(rawValue: 0x8010_0019)
    /// The reader driver is not supported. The corresponding C code is `SCARD_E_READER_UNSUPPORTED`.
    public static let readerUnsupported = PCSCError(rawValue: 0x8010_001A)
    /// Two readers have the same name. The corresponding C code is `SCARD_E_DUPLICATE_READER`.
    public static let duplicateReader = PCSCError(rawValue: 0x8010_001B)
    /// The card is not supported. The corresponding C code is `SCARD_E_CARD_UNSUPPORTED`.
    public static let cardUnsupported = PCSCError(rawValue: 0x8010_001C)
    /// pcscd is not running. The corresponding C code is `SCARD_E_NO_SERVICE`.
    public static let noService = PCSCError(rawValue: 0x8010_001D)
    /// pcscd has shut down. The corresponding C code is `SCARD_E_SERVICE_STOPPED`.
    public static let serviceStopped = PCSCError(rawValue: 0x8010_001E)
    /// An unexpected card error, or a feature not supported. The corresponding C code is `SCARD_E_UNSUPPORTED_FEATURE`.
    public static let unsupportedFeature = PCSCError(rawValue: 0x8010_001F)
    /// No readers are available. The corresponding C code is `SCARD_E_NO_READERS_AVAILABLE`.
    public static let noReadersAvailable = PCSCError(rawValue: 0x8010_002E)
    /// The card does not answer to reset. The corresponding C code is `SCARD_W_UNRESPONSIVE_CARD`.
    public static let unresponsiveCard = PCSCError(rawValue: 0x8010_0066)
    /// The card is not powered. The corresponding C code is `SCARD_W_UNPOWERED_CARD`.
    public static let unpoweredCard = PCSCError(rawValue: 0x8010_0067)
    /// The card was reset. The corresponding C code is `SCARD_W_RESET_CARD`.
    public static let resetCard = PCSCError(rawValue: 0x8010_0068)
    /// The card was removed. The corresponding C code is `SCARD_W_REMOVED_CARD`.
    public static let removedCard = PCSCError(rawValue: 0x8010_0069)
    /// Access was denied by a security policy (polkit). The corresponding C code is `SCARD_W_SECURITY_VIOLATION`.
    public static let securityViolation = PCSCError(rawValue: 0x8010_006A)
    /// The card is not supported by the reader. The corresponding C code is `SCARD_W_UNSUPPORTED_CARD`.
    public static let unsupportedCard = PCSCError(rawValue: 0x8010_0065)
}
