import ISO7816

/// The shape of a command APDU by ISO/IEC 7816-4 (section 5.1): which case it is and whether its
/// length fields agree with its length.
enum APDUStructure: Equatable {
    /// Header only: CLA INS P1 P2.
    case case1
    /// Header and Le (short: 1 byte; extended: 00 and 2 bytes).
    case case2(extended: Bool)
    /// Header, Lc and data.
    case case3(extended: Bool, dataLength: Int)
    /// Header, Lc, data and Le.
    case case4(extended: Bool, dataLength: Int)

    /// The largest command APDU: header, extended Lc, 65,535 data bytes and extended Le.
    static let maximumLength = 4 + 3 + 65_535 + 2

    /// Works out the case of an APDU, or explains why its length fields do not fit its length.
    static func of(_ bytes: [UInt8]) -> Result<APDUStructure, APDUStructureError> {
        let count = bytes.count
        guard count >= 4 else { return .failure(.tooShort(count)) }
        guard count <= maximumLength else { return .failure(.tooLong(count)) }
        if count == 4 { return .success(.case1) }
        if count == 5 { return .success(.case2(extended: false)) }
        let b1 = Int(bytes[4])
        if b1 != 0 {
            if count == 5 + b1 { return .success(.case3(extended: false, dataLength: b1)) }
            if count == 6 + b1 { return .success(.case4(extended: false, dataLength: b1)) }
            return .failure(.shortLengthMismatch(lc: b1, bodyLength: count - 5))
        }
        guard count >= 7 else { return .failure(.extendedTooShort(count)) }
        let length = Int(bytes[5]) << 8 | Int(bytes[6])
        if count == 7 { return .success(.case2(extended: true)) }
        guard length != 0 else { return .failure(.extendedZeroLc) }
        if count == 7 + length { return .success(.case3(extended: true, dataLength: length)) }
        if count == 9 + length { return .success(.case4(extended: true, dataLength: length)) }
        return .failure(.extendedLengthMismatch(lc: length, bodyLength: count - 7))
    }
}

/// Why the length fields of a command APDU do not fit its length.
enum APDUStructureError: Error, Equatable, CustomStringConvertible {
    /// Fewer than the 4 header bytes.
    case tooShort(Int)
    /// More than the largest extended APDU.
    case tooLong(Int)
    /// Short Lc does not match the bytes after it (neither Lc nor Lc + 1 for Le).
    case shortLengthMismatch(lc: Int, bodyLength: Int)
    /// B1 = 00 with more bytes announces extended lengths, but fewer than 3 length bytes follow the header.
    case extendedTooShort(Int)
    /// Extended Lc of 0000 followed by data.
    case extendedZeroLc
    /// Extended Lc does not match the bytes after it (neither Lc nor Lc + 2 for Le).
    case extendedLengthMismatch(lc: Int, bodyLength: Int)

    /// The explanation in one sentence.
    var description: String {
        switch self {
        case .tooShort(let count):
            return "an APDU needs at least 4 bytes (CLA INS P1 P2), this one has \(count)"
        case .tooLong(let count):
            return "an APDU has at most \(APDUStructure.maximumLength) bytes, this one has \(count)"
        case .shortLengthMismatch(let lc, let body):
            return "Lc = \(Hex.string([UInt8(lc)])) announces \(lc) data byte(s), but \(body) byte(s) follow Lc "
                + "(case 3 needs \(lc), case 4 needs \(lc + 1) with Le)"
        case .extendedTooShort(let count):
            return "byte 5 = 00 announces extended lengths, which need 7 bytes or more, this APDU has \(count)"
        case .extendedZeroLc:
            return "extended Lc = 00 00 cannot be followed by data"
        case .extendedLengthMismatch(let lc, let body):
            return "extended Lc = \(lc) announces \(lc) data byte(s), but \(body) byte(s) follow Lc "
                + "(case 3E needs \(lc), case 4E needs \(lc + 2) with Le)"
        }
    }
}
