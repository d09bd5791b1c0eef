import ISO7816

/// One fuzz input: the input as raw BER-TLV bytes and as hex text. Decoding never traps; decoded
/// objects re-encode to exactly the bytes they came from, and every tag has a class and a name lookup.
func fuzzBERTLV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    check(input)
    if let bytes = try? Hex.bytes(String(decoding: input, as: UTF8.self)) { check(bytes) }
    return 0
}

/// Decodes `bytes`; when they decode, checks every object against the bytes it was read from.
func check(_ bytes: [UInt8]) {
    guard let decoded = try? BERTLV.decodeWithPadding(bytes) else {
        _ = BERTLV.decodeIfTLV(bytes)
        return
    }
    var total = decoded.paddingCount
    for object in decoded.objects {
        visit(object, inside: nil, in: bytes)
        total += encodedLength(object)
    }
    precondition(total == bytes.count, "decoded objects and padding do not cover the input")
}

/// Checks that `object` sits in `bytes` at its offset with its tag and value, and so do its children.
func visit(_ object: BERTLVObject, inside parent: BERTag?, in bytes: [UInt8]) {
    let tag = object.tag.bytes
    precondition(Array(bytes[object.offset..<(object.offset + tag.count)]) == tag, "tag not at its offset")
    let valueStart = object.valueOffset
    precondition(valueStart > object.offset + tag.count - 1 && valueStart <= object.offset + tag.count + 5, "length field of an impossible size")
    precondition(Array(bytes[valueStart..<(valueStart + object.value.count)]) == object.value, "value not where it was read")
    _ = object.name(inside: parent)
    _ = object.tag.tagClass
    _ = object.printableText
    var inner = object.paddingCount
    for child in object.children {
        visit(child, inside: object.tag, in: bytes)
        inner += encodedLength(child)
    }
    if object.tag.isConstructed { precondition(inner == object.value.count, "children do not cover the value") }
}

/// The bytes `object` takes: tag, length field (1 to 5 bytes, as written) and value.
func encodedLength(_ object: BERTLVObject) -> Int {
    object.valueOffset - object.offset + object.value.count
}
