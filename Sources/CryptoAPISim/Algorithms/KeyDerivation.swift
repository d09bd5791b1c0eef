/// How `CryptDeriveKey` turns a hash value into key material, as its documentation describes.
public enum KeyDerivation {
    /// The key material of `length` bytes for `cipher` from a hash value made with `algorithm`.
    ///
    /// The first `length` bytes of the hash value, except when the hash is not of the SHA-2 family
    /// and the key is for AES, or the key is longer than the hash value: then two 64-byte buffers,
    /// of 0x36 and of 0x5C, each have their first bytes XORed with the hash value, are each hashed
    /// with the same algorithm, and the key is the first `length` bytes of the two results joined.
    public static func material(
        from hashValue: [UInt8], algorithm: HashAlgorithm, length: Int, cipher: CipherAlgorithm
    ) -> [UInt8] {
        if usesPaddedConstruction(algorithm: algorithm, hashLength: hashValue.count, length: length, cipher: cipher) {
            return Array(paddedConstruction(hashValue, algorithm: algorithm).prefix(length))
        }
        return Array(hashValue.prefix(length))
    }

    /// Whether the 0x36/0x5C construction is used instead of the hash value's first bytes.
    public static func usesPaddedConstruction(
        algorithm: HashAlgorithm, hashLength: Int, length: Int, cipher: CipherAlgorithm
    ) -> Bool {
        (cipher.isAES && !algorithm.isSHA2) || length > hashLength
    }

    /// The two hashed 64-byte buffers joined: H(0x36... XOR value) followed by H(0x5C... XOR value).
    public static func paddedConstruction(_ hashValue: [UInt8], algorithm: HashAlgorithm) -> [UInt8] {
        var inner = [UInt8](repeating: 0x36, count: 64)
        var outer = [UInt8](repeating: 0x5C, count: 64)
        for (index, byte) in hashValue.prefix(64).enumerated() {
            inner[index] ^= byte
            outer[index] ^= byte
        }
        return algorithm.digest(inner) + algorithm.digest(outer)
    }
}
