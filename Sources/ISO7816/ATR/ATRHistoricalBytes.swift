/// The historical bytes of an ATR and what their category indicator says about them
/// (ISO/IEC 7816-4, section 12.1.1).
public struct ATRHistoricalBytes: Sendable, Equatable {
    /// How the historical bytes are organised, from the category indicator (their first byte).
    public enum Category: Sendable, Equatable, CustomStringConvertible {
        /// 00: compact-TLV data objects followed by a mandatory three-byte status indicator.
        case compactTLVWithStatus
        /// 10: the next byte is a DIR data reference.
        case dirDataReference
        /// 80: compact-TLV data objects, possibly with a status indicator object (tag 8).
        case compactTLV
        /// 81 to 8F: reserved for future use.
        case reserved(UInt8)
        /// Any other value: a proprietary format.
        case proprietary(UInt8)

        /// Creates the category of an indicator byte.
        public init(indicator: UInt8) {
            switch indicator {
            case 0x00: self = .compactTLVWithStatus
            case 0x10: self = .dirDataReference
            case 0x80: self = .compactTLV
            case 0x81...0x8F: self = .reserved(indicator)
            default: self = .proprietary(indicator)
            }
        }

        /// The category in words.
        public var description: String {
            switch self {
            case .compactTLVWithStatus: return "compact-TLV data objects and a status indicator in the last 3 bytes"
            case .dirDataReference: return "DIR data reference in the next byte"
            case .compactTLV: return "compact-TLV data objects"
            case .reserved: return "reserved for future use"
            case .proprietary: return "proprietary format"
            }
        }
    }

    /// The bytes.
    public let bytes: [UInt8]
    /// The category, or nil when there are no historical bytes.
    public let category: Category?
    /// The compact-TLV data objects (categories 00 and 80).
    public let objects: [CompactTLVObject]
    /// The status indicator: the last three bytes in category 00, or a tag-8 object in category 80.
    public let statusIndicator: ATRStatusIndicator?
    /// The DIR data reference (category 10).
    public let dirDataReference: UInt8?
    /// The PC/SC part 3 description of a contactless storage card, when the bytes follow that format.
    public let storageCard: PCSCStorageCard?
    /// What does not fit the category's format; these do not make the ATR invalid.
    public let warnings: [String]

    /// Decodes historical bytes.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var objects: [CompactTLVObject] = []
        var status: ATRStatusIndicator?
        var reference: UInt8?
        var storage: PCSCStorageCard?
        var warnings: [String] = []
        let category = bytes.first.map(Category.init(indicator:))
        let body = Array(bytes.dropFirst())
        switch category {
        case .compactTLVWithStatus?:
            if body.count < 3 {
                warnings.append("category 00 needs a 3-byte status indicator at the end, only \(body.count) byte(s) follow")
                (objects, warnings) = CompactTLVObject.parse(body, firstOffset: 1, warnings: warnings)
            } else {
                let statusBytes = Array(body.suffix(3))
                status = ATRStatusIndicator(statusBytes)
                (objects, warnings) = CompactTLVObject.parse(Array(body.dropLast(3)), firstOffset: 1, warnings: warnings)
            }
        case .compactTLV?:
            if let card = PCSCStorageCard(historicalBytes: bytes) {
                storage = card
            } else {
                (objects, warnings) = CompactTLVObject.parse(body, firstOffset: 1, warnings: warnings)
                status = objects.last { $0.tag == 8 }.flatMap { ATRStatusIndicator($0.value) }
            }
        case .dirDataReference?:
            reference = body.first
            if body.count != 1 {
                warnings.append("category 10 needs exactly 1 byte after the indicator, \(body.count) follow")
            }
        default:
            break
        }
        self.category = category
        self.objects = objects
        statusIndicator = status
        dirDataReference = reference
        storageCard = storage
        self.warnings = warnings
    }

    /// The printable-ASCII reading of the bytes (dots for the rest).
    public var text: String { ATRHex.ascii(bytes) }
}

/// The status indicator of the historical bytes: a life cycle status and/or a status word.
public struct ATRStatusIndicator: Sendable, Equatable, CustomStringConvertible {
    /// The life cycle status byte (LCS), when present.
    public let lifeCycleStatus: UInt8?
    /// The status word SW1 SW2, when present.
    public let statusWord: UInt16?

    /// Reads 1 byte (LCS), 2 bytes (SW1 SW2) or 3 bytes (LCS SW1 SW2); nil for any other length.
    public init?(_ bytes: [UInt8]) {
        switch bytes.count {
        case 1: lifeCycleStatus = bytes[0]; statusWord = nil
        case 2: lifeCycleStatus = nil; statusWord = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        case 3: lifeCycleStatus = bytes[0]; statusWord = UInt16(bytes[1]) << 8 | UInt16(bytes[2])
        default: return nil
        }
    }

    /// The life cycle status in words (ISO/IEC 7816-4, table 15).
    public static func lifeCycleDescription(_ lcs: UInt8) -> String {
        switch lcs {
        case 0x00: return "no information given"
        case 0x01: return "creation state"
        case 0x03: return "initialisation state"
        case 0x05, 0x07: return "operational state (activated)"
        case 0x04, 0x06: return "operational state (deactivated)"
        case 0x0C...0x0F: return "termination state"
        case 0x10...: return "proprietary"
        default: return "RFU"
        }
    }

    /// `LCS 05 (operational state (activated)), SW 90 00`.
    public var description: String {
        var parts: [String] = []
        if let lcs = lifeCycleStatus { parts.append("LCS \(ATRHex.byte(lcs)) (\(Self.lifeCycleDescription(lcs)))") }
        if let sw = statusWord { parts.append("SW \(ATRHex.byte(UInt8(sw >> 8))) \(ATRHex.byte(UInt8(sw & 0xFF)))") }
        return parts.joined(separator: ", ")
    }
}
