/// A reader attribute read with `SCardGetAttrib` (`SCARD_ATTR_*`, from pcsc-lite's `reader.h`).
public struct ReaderAttribute: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The attribute id: class in the upper 16 bits, tag in the lower.
    public let rawValue: UInt32

    /// Creates an attribute from its id.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The reader's vendor (text). The corresponding C value is `SCARD_ATTR_VENDOR_NAME`.
    public static let vendorName = ReaderAttribute(rawValue: 0x0001_0100)
    /// The reader's model (text). The corresponding C value is `SCARD_ATTR_VENDOR_IFD_TYPE`.
    public static let vendorModel = ReaderAttribute(rawValue: 0x0001_0101)
    /// The driver's version (`0xMMmmbbbb`: major, minor, build). The corresponding C value is `SCARD_ATTR_VENDOR_IFD_VERSION`.
    public static let vendorVersion = ReaderAttribute(rawValue: 0x0001_0102)
    /// The reader's serial number (text). The corresponding C value is `SCARD_ATTR_VENDOR_IFD_SERIAL_NO`.
    public static let vendorSerialNumber = ReaderAttribute(rawValue: 0x0001_0103)
    /// How the reader is attached (`0xDDDDCCCC`: type and channel). The corresponding C value is `SCARD_ATTR_CHANNEL_ID`.
    public static let channelID = ReaderAttribute(rawValue: 0x0002_0110)
    /// The asynchronous protocols the reader supports. The corresponding C value is `SCARD_ATTR_ASYNC_PROTOCOL_TYPES`.
    public static let asyncProtocolTypes = ReaderAttribute(rawValue: 0x0003_0120)
    /// The default clock rate in kHz. The corresponding C value is `SCARD_ATTR_DEFAULT_CLK`.
    public static let defaultClock = ReaderAttribute(rawValue: 0x0003_0121)
    /// The largest clock rate in kHz. The corresponding C value is `SCARD_ATTR_MAX_CLK`.
    public static let maximumClock = ReaderAttribute(rawValue: 0x0003_0122)
    /// The largest command the reader takes, in bytes. The corresponding C value is `SCARD_ATTR_MAXINPUT`.
    public static let maximumInput = ReaderAttribute(rawValue: 0x0007_A007)
    /// The protocol in use. The corresponding C value is `SCARD_ATTR_CURRENT_PROTOCOL_TYPE`.
    public static let currentProtocolType = ReaderAttribute(rawValue: 0x0008_0201)
    /// The current clock rate in kHz. The corresponding C value is `SCARD_ATTR_CURRENT_CLK`.
    public static let currentClock = ReaderAttribute(rawValue: 0x0008_0202)
    /// The card's answer to reset. The corresponding C value is `SCARD_ATTR_ATR_STRING`.
    public static let atrString = ReaderAttribute(rawValue: 0x0009_0303)
    /// The reader's name as pcscd lists it. The corresponding C value is `SCARD_ATTR_DEVICE_FRIENDLY_NAME`.
    public static let deviceFriendlyName = ReaderAttribute(rawValue: 0x7FFF_0003)
    /// The reader's system name. The corresponding C value is `SCARD_ATTR_DEVICE_SYSTEM_NAME`.
    public static let deviceSystemName = ReaderAttribute(rawValue: 0x7FFF_0004)

    /// The attributes with a name here, in the order of their ids.
    public static let named: [(ReaderAttribute, String)] = [
        (.vendorName, "SCARD_ATTR_VENDOR_NAME"), (.vendorModel, "SCARD_ATTR_VENDOR_IFD_TYPE"),
        (.vendorVersion, "SCARD_ATTR_VENDOR_IFD_VERSION"), (.vendorSerialNumber, "SCARD_ATTR_VENDOR_IFD_SERIAL_NO"),
        (.channelID, "SCARD_ATTR_CHANNEL_ID"), (.asyncProtocolTypes, "SCARD_ATTR_ASYNC_PROTOCOL_TYPES"),
        (.defaultClock, "SCARD_ATTR_DEFAULT_CLK"), (.maximumClock, "SCARD_ATTR_MAX_CLK"),
        (.maximumInput, "SCARD_ATTR_MAXINPUT"), (.currentProtocolType, "SCARD_ATTR_CURRENT_PROTOCOL_TYPE"),
        (.currentClock, "SCARD_ATTR_CURRENT_CLK"), (.atrString, "SCARD_ATTR_ATR_STRING"),
        (.deviceFriendlyName, "SCARD_ATTR_DEVICE_FRIENDLY_NAME"), (.deviceSystemName, "SCARD_ATTR_DEVICE_SYSTEM_NAME"),
    ]

    /// The C name (`SCARD_ATTR_VENDOR_NAME`), or the id in hex for one without a name here.
    public var description: String {
        Self.named.first { $0.0 == self }?.1 ?? "0x" + String(rawValue, radix: 16, uppercase: true)
    }

    /// A little-endian `DWORD` attribute value (1 to 4 bytes, as drivers return them), or nil.
    public static func integer(_ bytes: [UInt8]) -> UInt32? {
        guard (1...8).contains(bytes.count) else { return nil }
        if bytes.count > 4, bytes[4...].contains(where: { $0 != 0 }) { return nil }
        return bytes.prefix(4).enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }

    /// A text attribute value: the bytes up to the first NUL, as UTF-8, blanks trimmed.
    public static func text(_ bytes: [UInt8]) -> String {
        let content = bytes.prefix { $0 != 0 }
        var text = String(decoding: content, as: UTF8.self)
        while text.last == " " { text.removeLast() }
        return text
    }
}
