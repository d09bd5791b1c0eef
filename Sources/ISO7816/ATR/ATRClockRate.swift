/// What TA1 says about the clock: the rate conversion integer Fi with the highest clock frequency
/// it allows, and the baud rate adjustment integer Di (ISO/IEC 7816-3, tables 7 and 8).
public struct ATRClockRate: Sendable, Equatable, CustomStringConvertible {
    /// The high nibble of TA1, the index FI into the table of Fi.
    public let fIndex: UInt8
    /// The low nibble of TA1, the index DI into the table of Di.
    public let dIndex: UInt8

    /// Creates the reading of a TA1 byte.
    public init(_ ta1: UInt8) {
        fIndex = ta1 >> 4
        dIndex = ta1 & 0x0F
    }

    /// The default when TA1 is absent: Fi = 372, Di = 1, f(max) = 5 MHz (TA1 = 11).
    public static let `default` = ATRClockRate(0x11)

    private static let fiTable: [Int?] = [372, 372, 558, 744, 1116, 1488, 1860, nil, nil, 512, 768, 1024, 1536, 2048, nil, nil]
    private static let fMaxKilohertzTable: [Int?] = [4000, 5000, 6000, 8000, 12000, 16000, 20000, nil, nil, 5000, 7500, 10000, 15000, 20000, nil, nil]
    private static let diTable: [Int?] = [nil, 1, 2, 4, 8, 16, 32, 64, 12, 20, nil, nil, nil, nil, nil, nil]

    /// The clock rate conversion integer Fi, or nil when FI is reserved for future use.
    public var fi: Int? { Self.fiTable[Int(fIndex & 0x0F)] }
    /// The highest clock frequency the card accepts, in kHz, or nil when FI is reserved.
    public var maximumFrequencyKilohertz: Int? { Self.fMaxKilohertzTable[Int(fIndex & 0x0F)] }
    /// The baud rate adjustment integer Di, or nil when DI is reserved for future use.
    public var di: Int? { Self.diTable[Int(dIndex & 0x0F)] }

    /// Clock cycles per elementary time unit (Fi / Di), or nil when either value is reserved.
    public var cyclesPerETU: Double? {
        guard let fi, let di else { return nil }
        return Double(fi) / Double(di)
    }

    /// The bit rate in bit/s at a clock frequency in Hz (f × Di / Fi, rounded down), or nil when reserved.
    public func bitRate(atFrequencyHertz frequency: Int) -> Int? {
        guard let fi, let di else { return nil }
        return frequency * di / fi
    }

    /// The bit rate in bit/s at the highest clock frequency the card accepts.
    public var maximumBitRate: Int? {
        guard let maximumFrequencyKilohertz else { return nil }
        return bitRate(atFrequencyHertz: maximumFrequencyKilohertz * 1000)
    }

    /// One line: `Fi = 372, Di = 4, 93 cycles/ETU, f(max) = 5 MHz (53763 bit/s; 43010 bit/s at 4 MHz)`.
    public var description: String {
        let fiText = fi.map(String.init) ?? "RFU (FI = \(fIndex))"
        let diText = di.map(String.init) ?? "RFU (DI = \(dIndex))"
        guard let cycles = cyclesPerETU, let fMax = maximumFrequencyKilohertz,
              let atMax = maximumBitRate, let atFour = bitRate(atFrequencyHertz: 4_000_000)
        else {
            return "Fi = \(fiText), Di = \(diText): reserved value, the rate cannot be used"
        }
        return "Fi = \(fiText), Di = \(diText), \(Self.decimal(cycles)) cycles/ETU, "
            + "f(max) = \(Self.megahertz(fMax)) MHz (\(atMax) bit/s; \(atFour) bit/s at 4 MHz)"
    }

    /// A number with at most one decimal (`93`, `18.6`).
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    /// kHz as MHz with at most one decimal (`5`, `7.5`).
    static func megahertz(_ kilohertz: Int) -> String {
        decimal(Double(kilohertz) / 1000)
    }
}
