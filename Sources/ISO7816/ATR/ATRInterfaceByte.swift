/// One interface byte of an ATR (TAi, TBi, TCi or TDi) with what it means where it stands.
public struct ATRInterfaceByte: Sendable, Equatable {
    /// Which of the four interface bytes of a group this is.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// TAi.
        case a = "TA"
        /// TBi.
        case b = "TB"
        /// TCi.
        case c = "TC"
        /// TDi, the structural byte announcing the next group and a protocol.
        case d = "TD"
    }

    /// TA, TB, TC or TD.
    public let kind: Kind
    /// The group number i (1 for the bytes announced by T0).
    public let group: Int
    /// The byte.
    public let value: UInt8
    /// The 0-based position of the byte in the ATR.
    public let offset: Int
    /// What the byte means, given its kind, group and the protocol of its group.
    public let meaning: ATRInterfaceMeaning

    /// The byte's name in ISO/IEC 7816-3 (`TA1`, `TD2`).
    public var name: String { "\(kind.rawValue)\(group)" }
}

/// Which interface bytes follow, as bits b5 to b8 of T0 or of a TD byte say (Y1, Y2 ...).
public struct ATRInterfacePresence: OptionSet, Sendable, Equatable, CustomStringConvertible {
    /// The four indicator bits, in the low nibble.
    public let rawValue: UInt8

    /// Creates a presence set from the four indicator bits.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue & 0x0F
    }

    /// Creates a presence set from the high nibble of T0 or of a TD byte.
    public init(indicatorOf byte: UInt8) {
        self.init(rawValue: byte >> 4)
    }

    /// TAi follows.
    public static let ta = ATRInterfacePresence(rawValue: 1)
    /// TBi follows.
    public static let tb = ATRInterfacePresence(rawValue: 2)
    /// TCi follows.
    public static let tc = ATRInterfacePresence(rawValue: 4)
    /// TDi follows.
    public static let td = ATRInterfacePresence(rawValue: 8)

    /// The four bits b8 b7 b6 b5 as written in ISO/IEC 7816-3 (`1001`).
    public var bits: String {
        String([8, 4, 2, 1].map { rawValue & UInt8($0) != 0 ? Character("1") : Character("0") })
    }

    /// The kinds of interface byte that follow, in ATR order.
    public var kinds: [ATRInterfaceByte.Kind] {
        var kinds: [ATRInterfaceByte.Kind] = []
        if contains(.ta) { kinds.append(.a) }
        if contains(.tb) { kinds.append(.b) }
        if contains(.tc) { kinds.append(.c) }
        if contains(.td) { kinds.append(.d) }
        return kinds
    }

    /// The bits and what follows (`1001`).
    public var description: String { bits }
}

/// The clock stop indicator XI of the first TA for T=15 (ISO/IEC 7816-3, table 11).
public enum ATRClockStop: UInt8, Sendable, Equatable, CustomStringConvertible {
    /// The card does not support clock stop.
    case notSupported = 0
    /// The clock may stop in state L (low).
    case stateLow = 1
    /// The clock may stop in state H (high).
    case stateHigh = 2
    /// The clock may stop in either state.
    case noPreference = 3

    /// The indicator in words.
    public var description: String {
        switch self {
        case .notSupported: return "not supported"
        case .stateLow: return "state L"
        case .stateHigh: return "state H"
        case .noPreference: return "no preference"
        }
    }
}

/// The error detection code of the first TC for T=1 (ISO/IEC 7816-3, section 11.4.4).
public enum ATRErrorDetection: Sendable, Equatable, CustomStringConvertible {
    /// Longitudinal redundancy check (bit 1 = 0), the default.
    case lrc
    /// Cyclic redundancy check (bit 1 = 1).
    case crc

    /// The code in words.
    public var description: String {
        switch self {
        case .lrc: return "LRC (longitudinal redundancy check)"
        case .crc: return "CRC (cyclic redundancy check)"
        }
    }
}
