/// A PC/SC part 10 feature a reader offers (a PIN pad, a display, its TLV properties), with the
/// control code that reaches it, as `CM_IOCTL_GET_FEATURE_REQUEST` lists them.
public struct ReaderFeature: Sendable, Hashable {
    /// The feature's tag (`FEATURE_VERIFY_PIN_DIRECT` is `0x06`).
    public let tag: UInt8
    /// The control code to send to use it.
    public let code: ControlCode

    /// Creates a feature entry.
    public init(tag: UInt8, code: ControlCode) {
        self.tag = tag
        self.code = code
    }

    /// The feature's name in PC/SC part 10 (`FEATURE_VERIFY_PIN_DIRECT`), or `FEATURE_0x..` for a tag not known here.
    public var name: String {
        Self.names[tag] ?? "FEATURE_0x" + String(tag, radix: 16, uppercase: true)
    }

    /// The tag of `FEATURE_GET_TLV_PROPERTIES`.
    public static let getTLVProperties: UInt8 = 0x12

    /// The feature names of PC/SC part 10 (and pcsc-lite's `reader.h`), by tag.
    public static let names: [UInt8: String] = [
        0x01: "FEATURE_VERIFY_PIN_START", 0x02: "FEATURE_VERIFY_PIN_FINISH", 0x03: "FEATURE_MODIFY_PIN_START",
        0x04: "FEATURE_MODIFY_PIN_FINISH", 0x05: "FEATURE_GET_KEY_PRESSED", 0x06: "FEATURE_VERIFY_PIN_DIRECT",
        0x07: "FEATURE_MODIFY_PIN_DIRECT", 0x08: "FEATURE_MCT_READER_DIRECT", 0x09: "FEATURE_MCT_UNIVERSAL",
        0x0A: "FEATURE_IFD_PIN_PROPERTIES", 0x0B: "FEATURE_ABORT", 0x0C: "FEATURE_SET_SPE_MESSAGE",
        0x0D: "FEATURE_VERIFY_PIN_DIRECT_APP_ID", 0x0E: "FEATURE_MODIFY_PIN_DIRECT_APP_ID", 0x0F: "FEATURE_WRITE_DISPLAY",
        0x10: "FEATURE_GET_KEY", 0x11: "FEATURE_IFD_DISPLAY_PROPERTIES", 0x12: "FEATURE_GET_TLV_PROPERTIES",
        0x13: "FEATURE_CCID_ESC_COMMAND", 0x20: "FEATURE_EXECUTE_PACE",
    ]

    /// Reads the answer to `CM_IOCTL_GET_FEATURE_REQUEST`: entries of a tag, a length of 4 and a
    /// big-endian control code. Nil when the answer is not made of such entries.
    public static func parse(_ bytes: [UInt8]) -> [ReaderFeature]? {
        var features: [ReaderFeature] = []
        var index = 0
        while index < bytes.count {
            guard index + 6 <= bytes.count, bytes[index + 1] == 4 else { return nil }
            let code = bytes[(index + 2)..<(index + 6)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            features.append(ReaderFeature(tag: bytes[index], code: ControlCode(rawValue: code)))
            index += 6
        }
        return features
    }
}

/// One of the properties `FEATURE_GET_TLV_PROPERTIES` reports (PC/SC part 10, 2.6.14).
public struct ReaderProperty: Sendable, Hashable {
    /// The property's tag (`bMaxPINSize` is `0x07`).
    public let tag: UInt8
    /// The raw value (little-endian numbers; `sFirmwareID` is text).
    public let value: [UInt8]

    /// Creates a property.
    public init(tag: UInt8, value: [UInt8]) {
        self.tag = tag
        self.value = value
    }

    /// The property's name (`wLcdLayout`), or `0x..` for a tag not known here.
    public var name: String {
        Self.names[tag] ?? "0x" + String(tag, radix: 16, uppercase: true)
    }

    /// The value as text: a number, or the firmware id as text.
    public var text: String {
        if tag == 0x08 { return ReaderAttribute.text(value) }
        return ReaderAttribute.integer(value).map { String($0) } ?? value.map { String($0, radix: 16) }.joined(separator: " ")
    }

    /// The property names of PC/SC part 10, by tag.
    public static let names: [UInt8: String] = [
        0x01: "wLcdLayout", 0x02: "bEntryValidationCondition", 0x03: "bTimeOut2", 0x04: "wLcdMaxCharacters",
        0x05: "wLcdMaxLines", 0x06: "bMinPINSize", 0x07: "bMaxPINSize", 0x08: "sFirmwareID", 0x09: "bPPDUSupport",
        0x0A: "dwMaxAPDUDataSize", 0x0B: "wIdVendor", 0x0C: "wIdProduct",
    ]

    /// Reads the answer to `FEATURE_GET_TLV_PROPERTIES`: a tag, a one-byte length and the value,
    /// repeated. Nil when an entry runs past the end.
    public static func parse(_ bytes: [UInt8]) -> [ReaderProperty]? {
        var properties: [ReaderProperty] = []
        var index = 0
        while index < bytes.count {
            guard index + 2 <= bytes.count else { return nil }
            let length = Int(bytes[index + 1])
            guard index + 2 + length <= bytes.count else { return nil }
            properties.append(ReaderProperty(tag: bytes[index], value: Array(bytes[(index + 2)..<(index + 2 + length)])))
            index += 2 + length
        }
        return properties
    }
}
