/// One BER-TLV data object: its tag, its value and, when the tag is constructed, the objects the
/// value holds.
public struct BERTLVObject: Sendable, Equatable {
    /// The tag.
    public let tag: BERTag
    /// The value bytes (for a constructed object, the encoded children).
    public let value: [UInt8]
    /// The objects inside a constructed object, in order; empty for a primitive one.
    public let children: [BERTLVObject]
    /// The 0-based offset of the tag in the data decoded.
    public let offset: Int
    /// The 0-based offset of the value in the data decoded (after the tag and the length field).
    public let valueOffset: Int
    /// The number of padding bytes (00 or FF) skipped inside a constructed object's value.
    public let paddingCount: Int

    /// Creates an object.
    public init(
        tag: BERTag, value: [UInt8], children: [BERTLVObject] = [], offset: Int = 0, valueOffset: Int? = nil,
        paddingCount: Int = 0
    ) {
        self.tag = tag
        self.value = value
        self.children = children
        self.offset = offset
        self.valueOffset = valueOffset ?? offset + tag.bytes.count + (value.count < 0x80 ? 1 : value.count < 0x100 ? 2 : 3)
        self.paddingCount = paddingCount
    }

    /// The name of the tag, read in the context of the tag that encloses it (nil at the top).
    public func name(inside parent: BERTag?) -> String? {
        BERTagNames.name(of: tag, inside: parent)
    }

    /// The first object with `tag` at any depth, depth first.
    public func first(_ tag: BERTag) -> BERTLVObject? {
        if self.tag == tag { return self }
        for child in children {
            if let found = child.first(tag) { return found }
        }
        return nil
    }

    /// The value as text when every byte is printable ASCII (letters, digits, punctuation, blank).
    public var printableText: String? {
        guard !value.isEmpty, value.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        return String(decoding: value, as: UTF8.self)
    }
}
