import PCSC

/// What `scard reader` learns about a reader through one connection: its `SCARD_ATTR_*` values and
/// its PC/SC part 10 features, each either read or "not supported".
struct ReaderReport: Encodable {
    /// One part 10 feature in JSON.
    struct Feature: Encodable {
        let name: String
        let tag: Int
        let controlCode: String
    }

    /// One TLV property in JSON.
    struct Property: Encodable {
        let name: String
        let tag: Int
        let value: String
    }

    var type = "reader-info"
    let reader: ReaderReference
    var vendor: String?
    var model: String?
    var serial: String?
    var ifdVersion: String?
    var channelId: String?
    var channel: String?
    var `protocol`: String?
    var clockKHz: Int?
    var maxInputBytes: Int?
    /// The part 10 features; nil when the reader has no `CM_IOCTL_GET_FEATURE_REQUEST`.
    var features: [Feature]?
    /// The TLV properties; nil when the reader has no `FEATURE_GET_TLV_PROPERTIES` or it failed.
    var tlvProperties: [Property]?
    /// The attributes and requests the reader did not answer, by C name.
    var notSupported: [String] = []

    /// Why each unsupported item was not read (the PC/SC code, when it is not the plain "unsupported").
    private(set) var reasons: [String: String] = [:]

    enum CodingKeys: String, CodingKey {
        case type, reader, vendor, model, serial, ifdVersion, channelId, channel, `protocol`, clockKHz, maxInputBytes
        case features, tlvProperties, notSupported
    }

    /// Reads everything from `card`; an error that means the reader or pcscd went away is thrown.
    static func read(_ card: Card, reader: ReaderReference) throws(PCSCError) -> ReaderReport {
        var report = ReaderReport(reader: reader)
        report.vendor = try report.value(card, .vendorName).map(ReaderAttribute.text)
        report.model = try report.value(card, .vendorModel).map(ReaderAttribute.text)
        report.serial = try report.value(card, .vendorSerialNumber).map(ReaderAttribute.text)
        report.ifdVersion = try report.value(card, .vendorVersion).flatMap(ReaderAttribute.integer).map(Self.version)
        if let id = try report.value(card, .channelID).flatMap(ReaderAttribute.integer) {
            report.channelId = Hex.string([UInt8(id >> 24), UInt8(id >> 16 & 0xFF), UInt8(id >> 8 & 0xFF), UInt8(id & 0xFF)], separator: "")
            report.channel = Self.channel(id)
        }
        if let bits = try report.value(card, .currentProtocolType).flatMap(ReaderAttribute.integer), bits != 0 {
            report.protocol = Protocols(rawValue: bits).description
        } else if let active = try? card.status().activeProtocol, !active.isEmpty {
            report.protocol = active.description
        }
        report.clockKHz = try report.value(card, .currentClock).flatMap(ReaderAttribute.integer).map(Int.init)
        report.maxInputBytes = try report.value(card, .maximumInput).flatMap(ReaderAttribute.integer).map(Int.init)
        do {
            let features = try card.features()
            report.features = features.map { Feature(name: $0.name, tag: Int($0.tag), controlCode: Self.hex($0.code.rawValue)) }
            if let tlv = features.first(where: { $0.tag == ReaderFeature.getTLVProperties }) {
                report.tlvProperties = (try? card.properties(through: tlv))?.map { Property(name: $0.name, tag: Int($0.tag), value: $0.text) }
            }
        } catch {
            try report.unsupported("CM_IOCTL_GET_FEATURE_REQUEST", error)
        }
        return report
    }

    /// An attribute's value, or nil (noted as not supported) when the reader does not answer it.
    private mutating func value(_ card: Card, _ attribute: ReaderAttribute) throws(PCSCError) -> [UInt8]? {
        do {
            let bytes = try card.attribute(attribute)
            if bytes.isEmpty { try unsupported(attribute.description, .unsupportedFeature) }
            return bytes.isEmpty ? nil : bytes
        } catch {
            try unsupported(attribute.description, error)
            return nil
        }
    }

    /// Notes `item` as not supported, or throws `error` when it means the reader or pcscd is gone.
    private mutating func unsupported(_ item: String, _ error: PCSCError) throws(PCSCError) {
        switch error {
        case .noService, .serviceStopped, .invalidHandle, .readerUnavailable, .unknownReader, .removedCard, .resetCard:
            throw error
        default:
            notSupported.append(item)
            if error != .unsupportedFeature { reasons[item] = error.name }
        }
    }

    /// `1.2.3` from a `0xMMmmbbbb` version.
    static func version(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value & 0xFFFF)"
    }

    /// How the reader is attached, from `SCARD_ATTR_CHANNEL_ID` (`0xDDDDCCCC`); USB readers carry
    /// their bus and address in the channel, as pcsc-lite's drivers set it.
    static func channel(_ id: UInt32) -> String {
        let type = id >> 16
        let number = id & 0xFFFF
        let names: [UInt32: String] = [0x01: "serial", 0x02: "parallel", 0x04: "PS/2", 0x08: "SCSI", 0x10: "IDE", 0x20: "USB"]
        guard let name = names[type] else { return "type 0x\(String(type, radix: 16)), channel \(number)" }
        if type == 0x20 { return "USB, bus \(number >> 8), device \(number & 0xFF)" }
        return "\(name), channel \(number)"
    }

    /// `42000D48`: a control code as hex without blanks.
    static func hex(_ value: UInt32) -> String {
        Hex.string([UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)], separator: "")
    }

    /// The text lines `scard reader` prints.
    var lines: [String] {
        func show(_ value: String?, _ item: String) -> String {
            if let value { return value }
            return "not supported" + (reasons[item].map { " (\($0))" } ?? "")
        }
        var lines = [
            "reader:       \(reader.name)",
            "vendor:       \(show(vendor, ReaderAttribute.vendorName.description))",
            "model:        \(show(model, ReaderAttribute.vendorModel.description))",
            "serial:       \(show(serial, ReaderAttribute.vendorSerialNumber.description))",
            "IFD version:  \(show(ifdVersion, ReaderAttribute.vendorVersion.description))",
            "channel id:   \(show(channelId.map { "0x\($0)" + (channel.map { " (\($0))" } ?? "") }, ReaderAttribute.channelID.description))",
            "protocol:     \(`protocol` ?? "none (no card, or not negotiated yet)")",
            "clock:        \(show(clockKHz.map { "\($0) kHz" }, ReaderAttribute.currentClock.description))",
            "max input:    \(show(maxInputBytes.map { "\($0) bytes" }, ReaderAttribute.maximumInput.description))",
        ]
        guard let features else {
            lines.append("features:     \(show(nil, "CM_IOCTL_GET_FEATURE_REQUEST"))")
            return lines
        }
        lines.append("features:     \(features.isEmpty ? "none" : "\(features.count)")")
        for feature in features {
            lines.append("  \(feature.name.padded(to: 34)) \(ControlCode(rawValue: UInt32(feature.controlCode, radix: 16) ?? 0))")
        }
        if let properties = tlvProperties {
            lines.append("properties:   \(properties.isEmpty ? "none" : "\(properties.count)")")
            for property in properties {
                lines.append("  \(property.name.padded(to: 26)) \(property.value)")
            }
        }
        return lines
    }
}
