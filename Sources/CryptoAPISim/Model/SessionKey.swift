import Synchronization

/// A symmetric session key: its algorithm, key bytes and salt, and the cipher state that carries
/// over between `CryptEncrypt`/`CryptDecrypt` calls until a final call resets it.
package final class SessionKey: Sendable {
    /// The cipher.
    package let algorithm: CipherAlgorithm
    /// The key material (without the salt), as `CryptHashSessionKey` sees it.
    package let keyBytes: [UInt8]
    /// The salt appended to an RC4 key (11 zero bytes for a 40-bit key unless told otherwise).
    package let salt: [UInt8]
    /// Whether the key was made with `CRYPT_EXPORTABLE`.
    package let exportable: Bool
    private let state: Mutex<CipherState>

    private enum CipherState {
        case rc4(RC4)
        case aes(AESCBC)
    }

    /// Creates a key; nil when the key bytes do not fit the cipher.
    package init?(algorithm: CipherAlgorithm, keyBytes: [UInt8], salt: [UInt8] = [], exportable: Bool = false) {
        guard let initial = Self.initialState(algorithm, keyBytes + salt) else { return nil }
        self.algorithm = algorithm
        self.keyBytes = keyBytes
        self.salt = salt
        self.exportable = exportable
        self.state = Mutex(initial)
    }

    private static func initialState(_ algorithm: CipherAlgorithm, _ material: [UInt8]) -> CipherState? {
        if algorithm == .rc4 { return .rc4(RC4(key: material)) }
        return AESCBC(key: material).map { .aes($0) }
    }

    /// The key length in bits (`KP_KEYLEN`).
    package var bits: Int { keyBytes.count * 8 }

    /// The bytes a call's buffer must hold for `count` bytes of plaintext.
    package func encryptedLength(of count: Int, final: Bool) -> Int {
        guard algorithm.isAES, final else { return count }
        return (count / AESCBC.blockSize + 1) * AESCBC.blockSize
    }

    /// Encrypts `data`; a final call pads (block ciphers) and resets the cipher state.
    package func encrypt(_ data: [UInt8], final: Bool) -> Result<[UInt8], CryptError> {
        state.withLock { state in
            switch state {
            case .rc4(var cipher):
                let output = cipher.apply(data)
                state = final ? Self.rc4Reset(keyBytes + salt) : .rc4(cipher)
                return .success(output)
            case .aes(var cipher):
                if !final && data.count % AESCBC.blockSize != 0 { return .failure(.badLength) }
                let input = final ? data + AESCBC.padding(forLength: data.count) : data
                do {
                    let output = try cipher.encryptBlocks(input)
                    if final { cipher.reset() }
                    state = .aes(cipher)
                    return .success(output)
                } catch {
                    return .failure(.failure)
                }
            }
        }
    }

    /// Decrypts `data`; a final call checks and strips the padding (block ciphers) and resets the
    /// cipher state, also when the padding is bad.
    package func decrypt(_ data: [UInt8], final: Bool) -> Result<[UInt8], CryptError> {
        state.withLock { state in
            switch state {
            case .rc4(var cipher):
                let output = cipher.apply(data)
                state = final ? Self.rc4Reset(keyBytes + salt) : .rc4(cipher)
                return .success(output)
            case .aes(var cipher):
                if data.count % AESCBC.blockSize != 0 || (final && data.isEmpty) { return .failure(.badLength) }
                do {
                    let plain = try cipher.decryptBlocks(data)
                    if !final {
                        state = .aes(cipher)
                        return .success(plain)
                    }
                    cipher.reset()
                    state = .aes(cipher)
                    guard let unpadded = AESCBC.removePadding(plain) else { return .failure(.badData) }
                    return .success(unpadded)
                } catch {
                    return .failure(.failure)
                }
            }
        }
    }

    private static func rc4Reset(_ material: [UInt8]) -> CipherState {
        .rc4(RC4(key: material))
    }
}
