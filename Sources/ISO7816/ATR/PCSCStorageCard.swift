/// A contactless storage card as a PC/SC reader describes it in the ATR it builds for the card
/// (PC/SC part 3, section 3.1.3.2.3): `80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00`.
///
/// Readers write `4F 0C` as a BER-TLV application identifier (tag 4F, length 12), which a plain
/// compact-TLV reading would take for tag 4 with length 15.
public struct PCSCStorageCard: Sendable, Equatable {
    /// The PC/SC Workgroup's registered application provider identifier.
    public static let registeredIdentifier: [UInt8] = [0xA0, 0x00, 0x00, 0x03, 0x06]

    /// SS: the standard the card follows.
    public let standard: UInt8
    /// NN NN: the card name code.
    public let cardName: UInt16

    /// Recognises the PC/SC storage-card layout of the historical bytes (category indicator included).
    public init?(historicalBytes bytes: [UInt8]) {
        guard bytes.count == 15, bytes[0] == 0x80, bytes[1] == 0x4F, bytes[2] == 0x0C,
              Array(bytes[3..<8]) == Self.registeredIdentifier
        else { return nil }
        standard = bytes[8]
        cardName = UInt16(bytes[9]) << 8 | UInt16(bytes[10])
    }

    /// The standard in words.
    public var standardDescription: String {
        switch standard {
        case 0x00: return "no information given"
        case 0x01: return "ISO 14443 A, part 1"
        case 0x02: return "ISO 14443 A, part 2"
        case 0x03: return "ISO 14443 A, part 3"
        case 0x05: return "ISO 14443 B, part 1"
        case 0x06: return "ISO 14443 B, part 2"
        case 0x07: return "ISO 14443 B, part 3"
        case 0x09: return "ISO 15693, part 1"
        case 0x0A: return "ISO 15693, part 2"
        case 0x0B: return "ISO 15693, part 3"
        case 0x0C: return "ISO 15693, part 4"
        case 0x0D: return "contact (ISO 7816-10) I2C"
        case 0x0E: return "contact (ISO 7816-10) extended I2C"
        case 0x0F: return "contact (ISO 7816-10) 2WBP"
        case 0x10: return "contact (ISO 7816-10) 3WBP"
        case 0x11: return "FeliCa"
        case 0x40: return "low frequency contactless card"
        default: return "RFU"
        }
    }

    /// The card name in words, for the most common codes.
    public var cardNameDescription: String {
        switch cardName {
        case 0x0001: return "MIFARE Classic 1K"
        case 0x0002: return "MIFARE Classic 4K"
        case 0x0003: return "MIFARE Ultralight"
        case 0x0026: return "MIFARE Mini"
        case 0x002F: return "Jewel"
        case 0x0030: return "Topaz"
        case 0x0036: return "MIFARE Plus SL1 2K"
        case 0x0037: return "MIFARE Plus SL1 4K"
        case 0x0038: return "MIFARE Plus SL2 2K"
        case 0x0039: return "MIFARE Plus SL2 4K"
        case 0x003A: return "MIFARE Ultralight C"
        case 0x003B: return "FeliCa"
        case 0x003D: return "MIFARE Ultralight EV1"
        default: return "card name code \(ATRHex.byte(UInt8(cardName >> 8))) \(ATRHex.byte(UInt8(cardName & 0xFF)))"
        }
    }
}
