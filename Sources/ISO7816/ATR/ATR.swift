/// An Answer-To-Reset decoded as ISO/IEC 7816-3 (section 8) describes it: the initial character TS,
/// the format byte T0, the groups of interface bytes, the historical bytes and the check byte TCK.
///
/// `init(bytes:)` accepts only a valid ATR; `init(decoding:)` decodes as much as the bytes allow and
/// lists what is wrong in `problems`, so a broken ATR can be explained rather than refused.
public struct ATR: Sendable, Equatable {
    /// The bytes as given, including any extra bytes after the end.
    public let bytes: [UInt8]
    /// The initial character TS, if present.
    public let initialCharacter: UInt8?
    /// The convention TS announces, or nil when TS is missing or invalid.
    public let convention: ATRConvention?
    /// The format byte T0, if present.
    public let formatByte: ATRFormatByte?
    /// Every interface byte present, in ATR order (TA1, TB1, TC1, TD1, TA2 ...).
    public let interfaceBytes: [ATRInterfaceByte]
    /// The historical bytes that are present (fewer than T0 announces when the ATR is truncated).
    public let historicalBytes: ATRHistoricalBytes
    /// The check byte, when one is present.
    public let checkByte: ATRCheckByte?
    /// Bytes after the end of the ATR.
    public let extraBytes: [UInt8]
    /// Everything wrong with the ATR, in the order found; empty for a valid ATR.
    public let problems: [ATRError]

    /// Decodes a valid ATR; throws the first problem otherwise.
    public init(bytes: [UInt8]) throws(ATRError) {
        self.init(decoding: bytes)
        if let first = problems.first { throw first }
    }

    /// Decodes as much of the bytes as possible, recording each problem instead of stopping.
    public init(decoding bytes: [UInt8]) {
        var parser = ATRParser(bytes: bytes)
        let parsed = parser.parse()
        self.bytes = bytes
        initialCharacter = parsed.initialCharacter
        convention = parsed.initialCharacter.flatMap(ATRConvention.init(initialCharacter:))
        formatByte = parsed.formatByte
        interfaceBytes = parsed.interfaceBytes
        historicalBytes = ATRHistoricalBytes(parsed.historicalBytes)
        checkByte = parsed.checkByte
        extraBytes = parsed.extraBytes
        problems = parsed.problems
    }

    /// True when nothing is wrong with the ATR.
    public var isValid: Bool { problems.isEmpty }

    /// The protocols the card offers, in the order of the TD bytes (T=15 is not a protocol and is left
    /// out); T=0 alone when TD1 is absent.
    public var protocols: [Int] {
        var offered: [Int] = []
        for byte in interfaceBytes where byte.kind == .d {
            let protocolType = Int(byte.value & 0x0F)
            if protocolType != 15 && !offered.contains(protocolType) { offered.append(protocolType) }
        }
        return offered.isEmpty ? [0] : offered
    }

    /// True when T0 and every interface byte it announces are present, so `protocols` is complete.
    public var hasAllInterfaceBytes: Bool {
        formatByte != nil && !problems.contains {
            if case .truncatedInterfaceBytes = $0 { return true }
            return false
        }
    }

    /// Whether the ATR must end with TCK: some TD byte indicates a protocol other than T=0.
    public var requiresCheckByte: Bool {
        interfaceBytes.contains { $0.kind == .d && $0.value & 0x0F != 0 }
    }

    /// The interface byte with a name such as `TA1`, if present.
    public func interfaceByte(_ kind: ATRInterfaceByte.Kind, _ group: Int) -> ATRInterfaceByte? {
        interfaceBytes.first { $0.kind == kind && $0.group == group }
    }

    /// The clock rate in force: TA1's, or the default Fi = 372, Di = 1 when TA1 is absent.
    public var clockRate: ATRClockRate {
        interfaceByte(.a, 1).map { ATRClockRate($0.value) } ?? .default
    }
}

/// The convention TS announces for the logic levels and bit order on the I/O line.
public enum ATRConvention: String, Sendable, Equatable, CustomStringConvertible {
    /// TS = 3B: high level is 1, least significant bit first.
    case direct
    /// TS = 3F: low level is 1, most significant bit first (readers deliver the bytes converted).
    case inverse

    /// The convention of a TS byte, or nil when it is neither 3B nor 3F.
    public init?(initialCharacter: UInt8) {
        switch initialCharacter {
        case 0x3B: self = .direct
        case 0x3F: self = .inverse
        default: return nil
        }
    }

    /// `direct convention` or `inverse convention`.
    public var description: String { "\(rawValue) convention" }
}

/// The format byte T0: which interface bytes of group 1 follow (Y1) and how many historical bytes (K).
public struct ATRFormatByte: Sendable, Equatable {
    /// The byte.
    public let value: UInt8

    /// Creates the reading of a T0 byte.
    public init(value: UInt8) {
        self.value = value
    }

    /// Bits b8 to b5: which of TA1, TB1, TC1, TD1 are present.
    public var presence: ATRInterfacePresence { ATRInterfacePresence(indicatorOf: value) }
    /// Bits b4 to b1: the number K of historical bytes, 0 to 15.
    public var historicalCount: Int { Int(value & 0x0F) }
}

/// The check byte TCK and whether it is right.
public struct ATRCheckByte: Sendable, Equatable {
    /// The TCK byte found at the end of the ATR.
    public let value: UInt8
    /// The value TCK must have: the exclusive-or of T0 up to the last historical byte.
    public let expected: UInt8
    /// The 0-based position of TCK in the ATR.
    public let offset: Int

    /// Creates a check byte reading.
    public init(value: UInt8, expected: UInt8, offset: Int) {
        self.value = value
        self.expected = expected
        self.offset = offset
    }

    /// True when TCK makes the exclusive-or of T0 to TCK zero.
    public var isCorrect: Bool { value == expected }
}
