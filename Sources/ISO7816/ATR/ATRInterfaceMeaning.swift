/// What an interface byte means, given where it stands (ISO/IEC 7816-3, sections 8.3 and 11.4).
public enum ATRInterfaceMeaning: Sendable, Equatable, CustomStringConvertible {
    /// TA1: clock rate conversion Fi (with f max) and baud rate adjustment Di.
    case clockRate(ATRClockRate)
    /// TB1 = 00: the card does not use VPP (contact C6); any other TB1 is deprecated.
    case noProgrammingVoltage
    /// TB1 other than 00 (deprecated): programming voltage PI1 in volts and maximum current II in mA (nil when reserved).
    case programmingVoltage(volts: Int, milliamperes: Int?)
    /// TB2 (deprecated): programming voltage PI2 in tenths of a volt (valid from 50 to 250).
    case programmingVoltageTenths(Int)
    /// TC1: extra guard time N in etu; 255 means the minimum (12 etu for T=0, 11 etu for T=1).
    case extraGuardTime(Int)
    /// TDi: which interface bytes follow in the next group (number i + 1), and the protocol T of that group.
    case structure(nextGroup: Int, next: ATRInterfacePresence, protocolType: Int)
    /// TA2: the card runs in specific mode with protocol T; whether it can change to negotiable mode,
    /// and whether the transmission parameters are implicit rather than those of the interface bytes.
    case specificMode(protocolType: Int, canChange: Bool, implicitParameters: Bool)
    /// TC2 after T=0: the waiting time integer WI (work waiting time 960 × WI × Fi / f).
    case waitingTimeInteger(Int)
    /// First TA for T=1: the information field size of the card IFSC in bytes.
    case informationFieldSize(Int)
    /// First TB for T=1: block waiting time integer BWI and character waiting time integer CWI.
    case waitingTimes(bwi: Int, cwi: Int)
    /// First TC for T=1: the error detection code, and whether reserved bits b8 to b2 are set.
    case errorDetection(ATRErrorDetection, reservedBits: Bool)
    /// First TA for T=15: the clock stop indicator XI and the classes of operating conditions UI.
    case clockStopAndClasses(ATRClockStop, classes: [String])
    /// First TB for T=15: the use of contact C6 (SPU): 00 none, b8 = 1 proprietary, else standard.
    case standardOrProprietaryUse(UInt8)
    /// A byte specific to protocol T whose meaning ISO/IEC 7816-3 leaves to that protocol's definition.
    case specific(protocolType: Int)
    /// A global byte after T=15 that ISO/IEC 7816-3 reserves for future use.
    case reservedGlobal

    /// The meaning in one line.
    public var description: String {
        switch self {
        case .clockRate(let rate):
            return rate.description
        case .noProgrammingVoltage:
            return "VPP is not connected (C6 unused)"
        case .programmingVoltage(let volts, let milliamperes):
            let current = milliamperes.map { "\($0) mA" } ?? "RFU"
            return "deprecated programming parameters: VPP \(volts) V, I \(current)"
        case .programmingVoltageTenths(let tenths):
            let valid = (50...250).contains(tenths)
            return "deprecated programming voltage PI2 = \(tenths)" + (valid ? " (\(tenths / 10).\(tenths % 10) V)" : " (RFU)")
        case .extraGuardTime(let n):
            if n == 255 { return "extra guard time N = 255: minimum guard time (12 etu for T=0, 11 etu for T=1)" }
            return "extra guard time N = \(n) etu"
        case .structure(let group, let next, let protocolType):
            let follows = next.kinds.map { "\($0.rawValue)\(group)" }.joined(separator: " ")
            let protocolText = protocolType == 15
                ? "T=15: global interface bytes follow"
                : "protocol T=\(protocolType)" + Self.protocolNote(protocolType)
            let verb = next.kinds.count == 1 ? "follows" : "follow"
            return "Y\(group) = \(next.bits)" + (follows.isEmpty ? " (no more interface bytes)" : " (\(follows) \(verb))")
                + ", \(protocolText)"
        case .specificMode(let protocolType, let canChange, let implicit):
            return "specific mode with T=\(protocolType), "
                + (canChange ? "capable of changing to negotiable mode" : "unable to change to negotiable mode")
                + (implicit ? ", implicit parameters" : ", parameters defined by the interface bytes")
        case .waitingTimeInteger(let wi):
            if wi == 0 { return "WI = 0: RFU" }
            return "WI = \(wi): work waiting time 960 × \(wi) × Fi / f"
        case .informationFieldSize(let size):
            if size == 0 || size == 255 { return "IFSC = \(size): RFU" }
            return "IFSC = \(size) bytes"
        case .waitingTimes(let bwi, let cwi):
            let block = bwi <= 9 ? "BWT = 11 etu + \(1 << bwi) × 960 × 372 / f" : "BWI RFU"
            return "BWI = \(bwi), CWI = \(cwi): CWT = \(11 + (1 << cwi)) etu, \(block)"
        case .errorDetection(let code, let reservedBits):
            return "error detection code: \(code)" + (reservedBits ? " (bits b8-b2 not zero: RFU)" : "")
        case .clockStopAndClasses(let clockStop, let classes):
            let list = classes.isEmpty ? "none" : classes.joined(separator: ", ")
            return "clock stop: \(clockStop); classes accepted: \(list)"
        case .standardOrProprietaryUse(let spu):
            if spu == 0 { return "SPU = 00: C6 is not used for standard or proprietary use" }
            return spu & 0x80 != 0
                ? "SPU = \(ATRHex.byte(spu)): proprietary use of C6"
                : "SPU = \(ATRHex.byte(spu)): standard use of C6"
        case .specific(let protocolType):
            return "specific to T=\(protocolType)"
        case .reservedGlobal:
            return "global byte (T=15), RFU"
        }
    }

    /// A short note on protocols other than T=0 and T=1.
    static func protocolNote(_ protocolType: Int) -> String {
        switch protocolType {
        case 0: return " (half-duplex character)"
        case 1: return " (half-duplex block)"
        case 2, 3: return " (reserved for full-duplex)"
        case 14: return " (not standardised by ISO/IEC JTC 1/SC 17)"
        default: return " (RFU)"
        }
    }
}
