/// A command APDU (ISO/IEC 7816-4): header, optional data, optional expected length, in the
/// short or extended form of cases 1 to 4.
public struct CommandAPDU: Sendable, Hashable, CustomStringConvertible {
    /// The ISO 7816-4 case: which of data and Le are present.
    public enum Case: Int, Sendable {
        /// Header only.
        case one = 1
        /// Header and Le.
        case two = 2
        /// Header and data.
        case three = 3
        /// Header, data and Le.
        case four = 4
    }

    /// The largest command APDU: extended case 4 with 65,535 data bytes.
    public static let maximumLength = 65_544

    /// The APDU as sent.
    public let bytes: [UInt8]
    /// The case.
    public let apduCase: Case
    /// Whether the lengths use the extended (3-byte Lc, 2- or 3-byte Le) form.
    public let isExtended: Bool
    /// The expected response length Ne (256 or 65,536 for an Le of zero); nil without Le.
    public let expectedLength: Int?
    private let dataRange: Range<Int>

    /// The class byte.
    public var cla: UInt8 { bytes[0] }
    /// The instruction byte.
    public var ins: UInt8 { bytes[1] }
    /// The first parameter byte.
    public var p1: UInt8 { bytes[2] }
    /// The second parameter byte.
    public var p2: UInt8 { bytes[3] }
    /// The command data.
    public var data: ArraySlice<UInt8> { bytes[dataRange] }

    /// Parses and checks raw bytes against the cases of ISO 7816-4.
    public init(bytes: [UInt8]) throws(APDUError) {
        let n = bytes.count
        if n == 0 { throw .empty }
        if n < 4 { throw .tooShort(bytes: n) }
        if n > Self.maximumLength { throw .tooLong(bytes: n) }
        self.bytes = bytes
        if n == 4 {
            (apduCase, isExtended, expectedLength, dataRange) = (.one, false, nil, 4..<4)
            return
        }
        let b4 = Int(bytes[4])
        if n == 5 {
            (apduCase, isExtended, expectedLength, dataRange) = (.two, false, b4 == 0 ? 256 : b4, 4..<4)
            return
        }
        if b4 != 0 {
            let lc = b4
            if n == 5 + lc {
                (apduCase, isExtended, expectedLength, dataRange) = (.three, false, nil, 5..<n)
            } else if n == 6 + lc {
                let le = Int(bytes[n - 1])
                (apduCase, isExtended, expectedLength, dataRange) = (.four, false, le == 0 ? 256 : le, 5..<(n - 1))
            } else {
                throw .lengthMismatch(lc: lc, dataBytes: n - 5)
            }
            return
        }
        // Extended lengths: a 00 byte, then two length bytes.
        guard n >= 7 else {
            throw .malformedLength("00 after the header starts an extended length, which needs two more bytes")
        }
        let first = Int(bytes[5]) << 8 | Int(bytes[6])
        if n == 7 {
            (apduCase, isExtended, expectedLength, dataRange) = (.two, true, first == 0 ? 65_536 : first, 4..<4)
            return
        }
        let lc = first
        if lc == 0 { throw .malformedLength("extended Lc of 0000 is not allowed") }
        if n == 7 + lc {
            (apduCase, isExtended, expectedLength, dataRange) = (.three, true, nil, 7..<n)
        } else if n == 9 + lc {
            let le = Int(bytes[n - 2]) << 8 | Int(bytes[n - 1])
            (apduCase, isExtended, expectedLength, dataRange) = (.four, true, le == 0 ? 65_536 : le, 7..<(n - 2))
        } else {
            throw .lengthMismatch(lc: lc, dataBytes: n - 7)
        }
    }

    /// Parses hex text (blanks optional, any case) and checks it.
    public init(hex: some StringProtocol) throws(APDUError) {
        let bytes = try Hex.bytes(hex)
        if bytes.isEmpty { throw .empty }
        try self.init(bytes: bytes)
    }

    /// Builds an APDU from its fields, choosing the short form when everything fits.
    public init(cla: UInt8, ins: UInt8, p1: UInt8, p2: UInt8, data: [UInt8] = [], expectedLength: Int? = nil) throws(APDUError) {
        if data.count > 65_535 { throw .fieldOutOfRange("command data of \(data.count) bytes is over 65,535") }
        if let ne = expectedLength, ne < 1 || ne > 65_536 {
            throw .fieldOutOfRange("expected length \(ne) is outside 1...65,536")
        }
        let extended = data.count > 255 || (expectedLength ?? 0) > 256
        var bytes = [cla, ins, p1, p2]
        if !data.isEmpty {
            if extended {
                bytes += [0, UInt8(data.count >> 8), UInt8(data.count & 0xFF)]
            } else {
                bytes.append(UInt8(data.count))
            }
            bytes += data
        }
        if let ne = expectedLength {
            if extended {
                if data.isEmpty { bytes.append(0) }
                let le = ne == 65_536 ? 0 : ne
                bytes += [UInt8(le >> 8), UInt8(le & 0xFF)]
            } else {
                bytes.append(ne == 256 ? 0 : UInt8(ne))
            }
        }
        try self.init(bytes: bytes)
    }

    /// The same command asking for `expectedLength` response bytes (used to resend after `6Cxx`).
    public func withExpectedLength(_ expectedLength: Int) throws(APDUError) -> CommandAPDU {
        try CommandAPDU(cla: cla, ins: ins, p1: p1, p2: p2, data: Array(data), expectedLength: expectedLength)
    }

    /// The bytes in hex, `00 A4 04 00`.
    public var description: String { Hex.string(bytes) }
}
