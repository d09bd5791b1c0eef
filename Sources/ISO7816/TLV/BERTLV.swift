/// Decodes BER-TLV data as ISO/IEC 7816-4 (5.2) and EMV (Book 3, annex B) use it: tags of one to
/// four bytes, lengths of one to five bytes (short form, or 81 to 84 and that many length bytes),
/// constructed objects decoded recursively. Indefinite length (80) is refused. Bytes 00 and FF
/// where a tag would start are padding, as both standards allow, before, between and after objects.
///
/// ```swift
/// let objects = try BERTLV.decode(Hex.bytes("6F 07 84 05 A0 00 00 00 03"))
/// objects[0].children[0].tag.hex   // "84"
/// ```
public enum BERTLV {
    /// The deepest nesting of constructed objects decoded (deeper data is refused).
    public static let maximumDepth = 64

    /// The result of decoding: the top-level objects and the padding bytes skipped between them.
    public struct Decoded: Sendable, Equatable {
        /// The top-level objects, in order.
        public let objects: [BERTLVObject]
        /// The number of padding bytes (00 or FF) skipped at the top level.
        public let paddingCount: Int
    }

    /// Decodes every object in `bytes`; throws where the data stops being BER-TLV.
    public static func decode(_ bytes: [UInt8]) throws(BERTLVError) -> [BERTLVObject] {
        try decodeWithPadding(bytes).objects
    }

    /// Decodes every object in `bytes` and counts the padding bytes skipped at the top level.
    public static func decodeWithPadding(_ bytes: [UInt8]) throws(BERTLVError) -> Decoded {
        let (objects, padding) = try decode(bytes[...], base: 0, depth: 0)
        return Decoded(objects: objects, paddingCount: padding)
    }

    /// The objects in `bytes` when all of it is BER-TLV holding at least one object; nil otherwise
    /// (for showing a response's data decoded only when it is TLV).
    public static func decodeIfTLV(_ bytes: [UInt8]) -> Decoded? {
        guard let decoded = try? decodeWithPadding(bytes), !decoded.objects.isEmpty else { return nil }
        return decoded
    }

    /// The objects in a slice of bytes (a response's data) when all of it is BER-TLV; nil otherwise.
    public static func decodeIfTLV(_ bytes: ArraySlice<UInt8>) -> Decoded? {
        decodeIfTLV(Array(bytes))
    }

    /// Decodes the objects of `bytes`, whose first byte is at `base` in the whole data.
    static func decode(_ bytes: ArraySlice<UInt8>, base: Int, depth: Int) throws(BERTLVError) -> ([BERTLVObject], Int) {
        var objects: [BERTLVObject] = []
        var padding = 0
        var index = bytes.startIndex
        func offset(_ at: Int) -> Int { base + at - bytes.startIndex }
        while index < bytes.endIndex {
            let first = bytes[index]
            if first == 0x00 || first == 0xFF {
                padding += 1
                index += 1
                continue
            }
            let start = index
            index += 1
            if first & 0x1F == 0x1F {
                while true {
                    guard index < bytes.endIndex else { throw .truncatedTag(offset: offset(start)) }
                    let byte = bytes[index]
                    index += 1
                    if index - start > 4 { throw .tagTooLong(offset: offset(start)) }
                    if byte & 0x80 == 0 { break }
                }
            }
            let tag = BERTag(Array(bytes[start..<index]))
            guard index < bytes.endIndex else { throw .truncatedLength(tag: tag, offset: offset(start)) }
            let lengthByte = bytes[index]
            index += 1
            var length = 0
            switch lengthByte {
            case 0x00...0x7F:
                length = Int(lengthByte)
            case 0x80:
                throw .indefiniteLength(tag: tag, offset: offset(start))
            case 0x81...0x84:
                let count = Int(lengthByte & 0x7F)
                guard bytes.endIndex - index >= count else { throw .truncatedLength(tag: tag, offset: offset(start)) }
                for byte in bytes[index..<(index + count)] { length = length << 8 | Int(byte) }
                index += count
            default:
                throw .unsupportedLength(tag: tag, offset: offset(start), firstByte: lengthByte)
            }
            let available = bytes.endIndex - index
            guard length <= available else {
                throw .valueOverrun(tag: tag, offset: offset(start), length: length, available: available)
            }
            let value = bytes[index..<(index + length)]
            var children: [BERTLVObject] = []
            var innerPadding = 0
            if tag.isConstructed {
                guard depth < maximumDepth else { throw .nestedTooDeep(offset: offset(start)) }
                (children, innerPadding) = try decode(value, base: offset(index), depth: depth + 1)
            }
            objects.append(BERTLVObject(
                tag: tag, value: Array(value), children: children, offset: offset(start), valueOffset: offset(index),
                paddingCount: innerPadding))
            index += length
        }
        return (objects, padding)
    }
}
