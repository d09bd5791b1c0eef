/// Why bytes are not BER-TLV, with the 0-based offset in the data where decoding stopped.
public enum BERTLVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data ends inside a tag (a multi-byte tag whose last byte is missing).
    case truncatedTag(offset: Int)
    /// A tag longer than four bytes.
    case tagTooLong(offset: Int)
    /// The data ends before the length field is complete.
    case truncatedLength(tag: BERTag, offset: Int)
    /// Length byte 80: indefinite length, which ISO/IEC 7816-4 BER-TLV does not allow.
    case indefiniteLength(tag: BERTag, offset: Int)
    /// A length field of more than four subsequent bytes, or the reserved FF.
    case unsupportedLength(tag: BERTag, offset: Int, firstByte: UInt8)
    /// The value announced runs past the end of the data (or of the enclosing object).
    case valueOverrun(tag: BERTag, offset: Int, length: Int, available: Int)
    /// Constructed objects nested deeper than `BERTLV.maximumDepth`.
    case nestedTooDeep(offset: Int)

    /// The offset where decoding stopped.
    public var offset: Int {
        switch self {
        case .truncatedTag(let offset), .tagTooLong(let offset), .truncatedLength(_, let offset),
            .indefiniteLength(_, let offset), .unsupportedLength(_, let offset, _), .valueOverrun(_, let offset, _, _),
            .nestedTooDeep(let offset):
            return offset
        }
    }

    /// One line saying what is wrong and where.
    public var description: String {
        switch self {
        case .truncatedTag(let offset):
            return "the data ends inside a tag starting at byte \(offset)"
        case .tagTooLong(let offset):
            return "the tag at byte \(offset) is longer than 4 bytes"
        case .truncatedLength(let tag, let offset):
            return "tag \(tag) at byte \(offset): the data ends inside its length"
        case .indefiniteLength(let tag, let offset):
            return "tag \(tag) at byte \(offset): indefinite length (80) is not allowed in BER-TLV for ISO/IEC 7816"
        case .unsupportedLength(let tag, let offset, let first):
            return "tag \(tag) at byte \(offset): length byte \(Hex.string([first])) is not supported (at most 84, 4 length bytes)"
        case .valueOverrun(let tag, let offset, let length, let available):
            return "tag \(tag) at byte \(offset): length \(length) runs past the end (\(available) byte(s) left)"
        case .nestedTooDeep(let offset):
            return "constructed objects nested deeper than \(BERTLV.maximumDepth) levels at byte \(offset)"
        }
    }
}
