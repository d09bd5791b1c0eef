/// A symmetric cipher the simulated providers offer.
public enum CipherAlgorithm: Sendable, CaseIterable {
    /// RC4, a stream cipher (`CALG_RC4`).
    case rc4
    /// AES-128 in CBC mode (`CALG_AES_128`).
    case aes128
    /// AES-192 in CBC mode (`CALG_AES_192`).
    case aes192
    /// AES-256 in CBC mode (`CALG_AES_256`).
    case aes256

    /// The cipher with this identifier, or nil.
    public init?(algid: ALG_ID) {
        guard let match = Self.allCases.first(where: { $0.algid == algid }) else { return nil }
        self = match
    }

    /// The algorithm identifier.
    public var algid: ALG_ID {
        switch self {
        case .rc4: CALG_RC4
        case .aes128: CALG_AES_128
        case .aes192: CALG_AES_192
        case .aes256: CALG_AES_256
        }
    }

    /// Whether this is one of the AES ciphers.
    public var isAES: Bool { self != .rc4 }

    /// The block size in bytes; 0 for the stream cipher.
    public var blockSize: Int { isAES ? AESCBC.blockSize : 0 }

    /// The only key length in bits the cipher takes, for AES; nil when it takes a range.
    public var fixedKeyBits: Int? {
        switch self {
        case .rc4: nil
        case .aes128: 128
        case .aes192: 192
        case .aes256: 256
        }
    }
}
