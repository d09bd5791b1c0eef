/// One compact-TLV data object of the historical bytes: a byte holding the tag (high nibble) and
/// the length (low nibble), then the value (ISO/IEC 7816-4, section 12.1.1).
public struct CompactTLVObject: Sendable, Equatable {
    /// The tag, 0 to 15 (the interindustry tag is 4x: 41 country code ... 4F application identifier).
    public let tag: UInt8
    /// The value bytes.
    public let value: [UInt8]
    /// The 0-based position of the tag-and-length byte within the historical bytes.
    public let offset: Int

    /// Creates an object.
    public init(tag: UInt8, value: [UInt8], offset: Int) {
        self.tag = tag
        self.value = value
        self.offset = offset
    }

    /// What the tag stands for.
    public var name: String {
        switch tag {
        case 0x1: return "country code and national data"
        case 0x2: return "issuer identification number"
        case 0x3: return "card service data"
        case 0x4: return "initial access data"
        case 0x5: return "card issuer's data"
        case 0x6: return "pre-issuing data"
        case 0x7: return "card capabilities"
        case 0x8: return "status indicator"
        case 0xF: return "application identifier"
        default: return "RFU"
        }
    }

    /// What the value says, one line each (empty when there is nothing more than the bytes).
    public var details: [String] {
        switch tag {
        case 0x1:
            guard let first = value.first, value.count >= 2 else { return [] }
            let digits = [first >> 4, first & 0x0F, value[1] >> 4]
            guard digits.allSatisfy({ $0 <= 9 }) else { return [] }
            return ["ISO 3166-1 numeric country code \(digits.map(String.init).joined())"]
        case 0x3:
            guard value.count == 1 else { return ["card service data must be 1 byte, found \(value.count)"] }
            return CardServiceData(value[0]).descriptions
        case 0x7:
            return CardCapabilities(value)?.descriptions
                ?? ["card capabilities must be 1 to 3 bytes, found \(value.count)"]
        case 0x8:
            return ATRStatusIndicator(value).map { [$0.description] }
                ?? ["status indicator must be 1 to 3 bytes, found \(value.count)"]
        default:
            return []
        }
    }

    /// Splits bytes into objects; a length running past the end is recorded as a warning.
    static func parse(
        _ bytes: [UInt8], firstOffset: Int, warnings: [String]
    ) -> (objects: [CompactTLVObject], warnings: [String]) {
        var objects: [CompactTLVObject] = []
        var warnings = warnings
        var index = 0
        while index < bytes.count {
            let tag = bytes[index] >> 4
            let length = Int(bytes[index] & 0x0F)
            let start = index + 1
            let end = min(start + length, bytes.count)
            if start + length > bytes.count {
                warnings.append(
                    "compact-TLV object \(ATRHex.byte(bytes[index])) at historical byte \(index + firstOffset + 1) "
                        + "announces \(length) byte(s), only \(end - start) remain")
            }
            objects.append(CompactTLVObject(tag: tag, value: Array(bytes[start..<end]), offset: index + firstOffset))
            index = end
        }
        return (objects, warnings)
    }
}

/// The card service data byte (ISO/IEC 7816-4, table 116): how applications are selected and how
/// EF.DIR and EF.ATR are read.
public struct CardServiceData: Sendable, Equatable {
    /// The byte.
    public let value: UInt8

    /// Creates the reading of a card service data byte.
    public init(_ value: UInt8) {
        self.value = value
    }

    /// One line per property the byte states.
    public var descriptions: [String] {
        var lines: [String] = []
        if value & 0x80 != 0 { lines.append("application selection by full DF name") }
        if value & 0x40 != 0 { lines.append("application selection by partial DF name") }
        if value & 0x20 != 0 { lines.append("BER-TLV data objects available in EF.DIR") }
        if value & 0x10 != 0 { lines.append("BER-TLV data objects available in EF.ATR") }
        switch (value >> 1) & 0x07 {
        case 0b100: lines.append("EF.DIR and EF.ATR access services: by READ BINARY")
        case 0b010: lines.append("EF.DIR and EF.ATR access services: by GET DATA")
        case 0b000: lines.append("EF.DIR and EF.ATR access services: by READ RECORD(S)")
        default: lines.append("EF.DIR and EF.ATR access services: RFU")
        }
        lines.append(value & 0x01 != 0 ? "card without MF" : "card with MF")
        return lines
    }
}

/// The card capabilities (ISO/IEC 7816-4, tables 117 to 119): selection methods, data coding,
/// command chaining, extended lengths and logical channels.
public struct CardCapabilities: Sendable, Equatable {
    /// The first software function table: selection methods.
    public let selectionMethods: UInt8
    /// The second software function table: data coding byte, if present.
    public let dataCoding: UInt8?
    /// The third software function table: command chaining, length fields and logical channels, if present.
    public let chainingAndChannels: UInt8?

    /// Reads 1 to 3 bytes; nil for any other length.
    public init?(_ bytes: [UInt8]) {
        guard (1...3).contains(bytes.count) else { return nil }
        selectionMethods = bytes[0]
        dataCoding = bytes.count > 1 ? bytes[1] : nil
        chainingAndChannels = bytes.count > 2 ? bytes[2] : nil
    }

    /// One line per property.
    public var descriptions: [String] {
        let methods = [
            (0x80, "DF selection by full DF name"), (0x40, "DF selection by partial DF name"),
            (0x20, "DF selection by path"), (0x10, "DF selection by file identifier"),
            (0x08, "implicit DF selection"), (0x04, "short EF identifier supported"),
            (0x02, "record number supported"), (0x01, "record identifier supported"),
        ]
        var lines = ["selection methods \(ATRHex.byte(selectionMethods))"]
        lines += methods.filter { selectionMethods & UInt8($0.0) != 0 }.map { "  \($0.1)" }
        if let coding = dataCoding {
            let writes = ["one-time write", "proprietary", "write OR", "write AND"]
            lines.append("data coding \(ATRHex.byte(coding))")
            if coding & 0x80 != 0 { lines.append("  EF of TLV structure supported") }
            lines.append("  behaviour of write functions: \(writes[Int((coding >> 5) & 0x03)])")
            lines.append("  value FF for the first byte of BER-TLV tag fields: " + (coding & 0x10 != 0 ? "valid" : "invalid"))
            lines.append("  data unit size: \(1 << Int(coding & 0x0F)) quartet(s)")
        }
        if let chaining = chainingAndChannels {
            let assignment = ["no logical channel", "by the interface device", "by the card", "by the interface device and the card"]
            lines.append("command chaining, length fields and logical channels \(ATRHex.byte(chaining))")
            if chaining & 0x80 != 0 { lines.append("  command chaining") }
            if chaining & 0x40 != 0 { lines.append("  extended Lc and Le fields") }
            if chaining & 0x20 != 0 { lines.append("  extended length information in EF.ATR/INFO") }
            lines.append("  logical channel assignment: \(assignment[Int((chaining >> 3) & 0x03)])")
            let count = chaining & 0x07 == 0x07 ? "8 or more" : String(Int(chaining & 0x07) + 1)
            lines.append("  maximum number of logical channels: \(count)")
        }
        return lines
    }
}
