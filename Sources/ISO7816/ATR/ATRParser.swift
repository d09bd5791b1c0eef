/// Walks the bytes of an ATR in ISO/IEC 7816-3 order, recording each problem instead of stopping.
struct ATRParser {
    /// What the walk found.
    struct Result {
        var initialCharacter: UInt8?
        var formatByte: ATRFormatByte?
        var interfaceBytes: [ATRInterfaceByte] = []
        var historicalBytes: [UInt8] = []
        var checkByte: ATRCheckByte?
        var extraBytes: [UInt8] = []
        var problems: [ATRError] = []
    }

    /// The longest ATR ISO/IEC 7816-3 allows: TS and at most 32 further characters.
    static let maximumLength = 33

    /// The bytes being decoded.
    let bytes: [UInt8]
    private var result = Result()
    private var offset = 0
    private var seenSpecific: Set<String> = []

    /// Prepares to decode bytes.
    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Walks TS, T0, the interface bytes, the historical bytes and TCK, then any extra bytes.
    mutating func parse() -> Result {
        result.initialCharacter = bytes.first
        if let ts = bytes.first, ATRConvention(initialCharacter: ts) == nil {
            result.problems.append(.invalidInitialCharacter(ts))
        }
        guard bytes.count >= 2 else {
            result.problems.insert(.tooShort(length: bytes.count), at: 0)
            return result
        }
        let formatByte = ATRFormatByte(value: bytes[1])
        result.formatByte = formatByte
        offset = 2
        guard parseInterfaceBytes(startingWith: formatByte.presence) else { return result }
        guard parseHistoricalBytes(count: formatByte.historicalCount) else { return result }
        parseCheckByte()
        if offset > Self.maximumLength {
            result.problems.append(.tooLong(length: offset))
        }
        if offset < bytes.count {
            result.extraBytes = Array(bytes[offset...])
            result.problems.append(.extraBytes(result.extraBytes))
        }
        return result
    }

    /// Reads the groups of interface bytes; false when the ATR ends inside them.
    private mutating func parseInterfaceBytes(startingWith first: ATRInterfacePresence) -> Bool {
        var presence = first
        var group = 1
        var groupProtocol: Int?
        while true {
            var next: ATRInterfacePresence?
            var nextProtocol = 0
            for kind in presence.kinds {
                guard offset < bytes.count else {
                    result.problems.append(.truncatedInterfaceBytes(missing: "\(kind.rawValue)\(group)", offset: offset))
                    return false
                }
                let value = bytes[offset]
                let meaning = interpret(kind, group: group, value: value, protocolType: groupProtocol)
                result.interfaceBytes.append(
                    ATRInterfaceByte(kind: kind, group: group, value: value, offset: offset, meaning: meaning))
                offset += 1
                if kind == .d {
                    next = ATRInterfacePresence(indicatorOf: value)
                    nextProtocol = Int(value & 0x0F)
                    if group == 1 && nextProtocol == 15 {
                        result.problems.append(.globalBytesIndicatedByTD1)
                    }
                }
            }
            guard let next else { return true }
            presence = next
            groupProtocol = nextProtocol
            group += 1
        }
    }

    /// Reads the K historical bytes; false when the ATR ends inside them.
    private mutating func parseHistoricalBytes(count: Int) -> Bool {
        let available = min(count, bytes.count - offset)
        result.historicalBytes = Array(bytes[offset..<(offset + available)])
        offset += available
        guard available == count else {
            result.problems.append(.truncatedHistoricalBytes(expected: count, found: available))
            return false
        }
        return true
    }

    /// Reads and checks TCK when some protocol other than T=0 is offered.
    private mutating func parseCheckByte() {
        let required = result.interfaceBytes.contains { $0.kind == .d && $0.value & 0x0F != 0 }
        guard required else { return }
        guard offset < bytes.count else {
            result.problems.append(.missingCheckByte)
            return
        }
        let expected = bytes[1..<offset].reduce(0, ^)
        let check = ATRCheckByte(value: bytes[offset], expected: expected, offset: offset)
        result.checkByte = check
        offset += 1
        if !check.isCorrect {
            result.problems.append(.wrongCheckByte(expected: expected, found: check.value))
        }
    }

    /// What a byte means in its place: group 1 and 2 are global (but TC2 is for T=0); from group 3 on,
    /// the first TA/TB/TC for T=1 and for T=15 have defined meanings, the rest is specific.
    private mutating func interpret(
        _ kind: ATRInterfaceByte.Kind, group: Int, value: UInt8, protocolType: Int?
    ) -> ATRInterfaceMeaning {
        if kind == .d {
            return .structure(
                nextGroup: group + 1, next: ATRInterfacePresence(indicatorOf: value), protocolType: Int(value & 0x0F))
        }
        switch (group, kind) {
        case (1, .a):
            return .clockRate(ATRClockRate(value))
        case (1, .b):
            if value & 0x1F == 0 { return .noProgrammingVoltage }
            let currents: [Int?] = [25, 50, 100, nil]
            return .programmingVoltage(volts: Int(value & 0x1F), milliamperes: currents[Int((value >> 5) & 0x03)])
        case (1, _):
            return .extraGuardTime(Int(value))
        case (2, .a):
            return .specificMode(
                protocolType: Int(value & 0x0F), canChange: value & 0x80 == 0, implicitParameters: value & 0x10 != 0)
        case (2, .b):
            return .programmingVoltageTenths(Int(value))
        case (2, _):
            let protocolType = protocolType ?? 0
            return protocolType == 0 ? .waitingTimeInteger(Int(value)) : .specific(protocolType: protocolType)
        default:
            return interpretSpecific(kind, value: value, protocolType: protocolType ?? 0)
        }
    }

    /// Bytes of group 3 onwards, specific to the protocol of the TD byte before them.
    private mutating func interpretSpecific(
        _ kind: ATRInterfaceByte.Kind, value: UInt8, protocolType: Int
    ) -> ATRInterfaceMeaning {
        let key = "\(kind.rawValue)/\(protocolType)"
        let isFirst = !seenSpecific.contains(key)
        seenSpecific.insert(key)
        switch (protocolType, kind, isFirst) {
        case (1, .a, true):
            return .informationFieldSize(Int(value))
        case (1, .b, true):
            return .waitingTimes(bwi: Int(value >> 4), cwi: Int(value & 0x0F))
        case (1, .c, true):
            return .errorDetection(value & 0x01 == 0 ? .lrc : .crc, reservedBits: value & 0xFE != 0)
        case (15, .a, true):
            let clockStop = ATRClockStop(rawValue: value >> 6) ?? .notSupported
            return .clockStopAndClasses(clockStop, classes: Self.classes(value & 0x3F))
        case (15, .b, true):
            return .standardOrProprietaryUse(value)
        case (15, _, _):
            return .reservedGlobal
        default:
            return .specific(protocolType: protocolType)
        }
    }

    /// The classes of operating conditions in the class indicator UI (bits b6 to b1).
    static func classes(_ indicator: UInt8) -> [String] {
        let names = ["A (5 V)", "B (3 V)", "C (1.8 V)", "RFU (b4)", "RFU (b5)", "RFU (b6)"]
        return names.indices.filter { indicator & (1 << UInt8($0)) != 0 }.map { names[$0] }
    }
}
