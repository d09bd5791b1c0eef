import ISO7816

/// One fuzz input: the input as APDU hex text, and the raw bytes as an APDU. Parsing may fail
/// with an error but must never trap, and whatever parses must format and parse back unchanged.
func fuzzAPDUHex(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: input, as: UTF8.self)
    if let bytes = try? Hex.bytes(text) {
        let again = try? Hex.bytes(Hex.string(bytes))
        precondition(again == bytes, "hex round trip changed the bytes")
    }
    if let apdu = try? CommandAPDU(hex: text) {
        let reparsed = try? CommandAPDU(bytes: apdu.bytes)
        precondition(reparsed == apdu, "an APDU's own bytes did not parse to the same APDU")
        _ = apdu.description
    }
    if let apdu = try? CommandAPDU(bytes: input) {
        precondition(apdu.bytes == input, "the APDU does not keep its bytes")
        _ = apdu.description
    }
    _ = ResponseAPDU(bytes: input)?.description
    return 0
}
