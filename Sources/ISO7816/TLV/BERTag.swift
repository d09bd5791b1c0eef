/// The tag of a BER-TLV data object (ISO/IEC 7816-4, 5.2; ISO/IEC 8825-1): one byte, or more when
/// the low five bits of the first are all ones, each further byte but the last having b8 set.
public struct BERTag: Sendable, Hashable, CustomStringConvertible {
    /// The class a tag belongs to (bits b8 and b7 of its first byte).
    public enum TagClass: String, Sendable, Equatable {
        /// 00: universal (ASN.1).
        case universal
        /// 01: application (interindustry, ISO/IEC 7816).
        case application
        /// 10: context-specific.
        case contextSpecific = "context-specific"
        /// 11: private.
        case `private`
    }

    /// The tag's bytes as they appear in the data (`[0x5F, 0x2D]`).
    public let bytes: [UInt8]

    /// Creates a tag from its bytes.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The tag's class.
    public var tagClass: TagClass {
        switch (bytes.first ?? 0) >> 6 {
        case 0: return .universal
        case 1: return .application
        case 2: return .contextSpecific
        default: return .private
        }
    }

    /// Whether the value is itself a series of BER-TLV objects (b6 of the first byte).
    public var isConstructed: Bool { (bytes.first ?? 0) & 0x20 != 0 }

    /// The tag as upper-case hex without blanks (`5F2D`), as EMV and ISO/IEC 7816-4 write it.
    public var hex: String { Hex.string(bytes, separator: "") }

    /// The tag in hex.
    public var description: String { hex }
}
