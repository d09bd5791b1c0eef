/// A response APDU: data and the status word that ends it.
public struct ResponseAPDU: Sendable, Hashable, CustomStringConvertible {
    /// The whole response, data then SW1 SW2.
    public let bytes: [UInt8]

    /// Wraps a response of at least two bytes; nil when shorter.
    public init?(bytes: [UInt8]) {
        guard bytes.count >= 2 else { return nil }
        self.bytes = bytes
    }

    /// The response data, without the status word.
    public var data: ArraySlice<UInt8> { bytes.dropLast(2) }
    /// The status word.
    public var statusWord: StatusWord {
        StatusWord(sw1: bytes[bytes.count - 2], sw2: bytes[bytes.count - 1])
    }

    /// The bytes in hex, `01 02 90 00`.
    public var description: String { Hex.string(bytes) }
}
