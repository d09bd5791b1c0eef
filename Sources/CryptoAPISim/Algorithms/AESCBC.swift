import Crypto
import _CryptoExtras

/// AES in cipher block chaining mode with PKCS#5 padding on the final call, as the CryptoAPI runs
/// it: the chain carries over from one call to the next until a final call resets it.
///
/// The block function is swift-crypto's AES permutation; the mode is built here and checked
/// against the vectors of FIPS-197 and NIST SP 800-38A.
public struct AESCBC: Sendable {
    /// The AES block size in bytes.
    public static let blockSize = 16

    private let keyBytes: [UInt8]
    private let initialVector: [UInt8]
    private var chain: [UInt8]

    /// Creates the mode for a 16, 24 or 32-byte key and a 16-byte IV; nil for other sizes.
    public init?(key: [UInt8], iv: [UInt8] = [UInt8](repeating: 0, count: 16)) {
        guard [16, 24, 32].contains(key.count), iv.count == Self.blockSize else { return nil }
        self.keyBytes = key
        self.initialVector = iv
        self.chain = iv
    }

    /// Puts the chain back to the IV, as a final call does.
    public mutating func reset() {
        chain = initialVector
    }

    /// Encrypts one 16-byte block with the raw AES permutation (no mode), as FIPS-197 defines it.
    public func encryptBlock(_ block: [UInt8]) throws -> [UInt8] {
        var output = block
        try AES.permute(&output, key: SymmetricKey(data: keyBytes))
        return output
    }

    /// Decrypts one 16-byte block with the raw inverse AES permutation.
    public func decryptBlock(_ block: [UInt8]) throws -> [UInt8] {
        var output = block
        try AES.inversePermute(&output, key: SymmetricKey(data: keyBytes))
        return output
    }

    /// Encrypts whole blocks (the caller checks the length), continuing the chain.
    public mutating func encryptBlocks(_ data: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var start = 0
        while start + Self.blockSize <= data.count {
            let block = zip(data[start..<start + Self.blockSize], chain).map { $0 ^ $1 }
            chain = try encryptBlock(block)
            output += chain
            start += Self.blockSize
        }
        return output
    }

    /// Decrypts whole blocks (the caller checks the length), continuing the chain.
    public mutating func decryptBlocks(_ data: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var start = 0
        while start + Self.blockSize <= data.count {
            let cipherBlock = Array(data[start..<start + Self.blockSize])
            output += zip(try decryptBlock(cipherBlock), chain).map { $0 ^ $1 }
            chain = cipherBlock
            start += Self.blockSize
        }
        return output
    }

    /// PKCS#5 padding for data of `count` bytes: 1 to 16 bytes, each holding the pad length.
    public static func padding(forLength count: Int) -> [UInt8] {
        let pad = blockSize - count % blockSize
        return [UInt8](repeating: UInt8(pad), count: pad)
    }

    /// The data without its PKCS#5 padding, or nil when the padding is not valid.
    public static func removePadding(_ data: [UInt8]) -> [UInt8]? {
        guard let last = data.last, last > 0, Int(last) <= blockSize, Int(last) <= data.count else { return nil }
        let pad = Int(last)
        guard data[(data.count - pad)...].allSatisfy({ $0 == last }) else { return nil }
        return Array(data[..<(data.count - pad)])
    }
}
