/// A simulated cryptographic service provider: a name, a type, and what it can do.
public struct CryptProvider: Sendable, Equatable {
    /// The provider's name, as passed to `CryptAcquireContext`.
    public let name: String
    /// The provider type (`PROV_RSA_FULL`, `PROV_RSA_AES`).
    public let type: DWORD
    /// The hash algorithms it offers.
    public let hashes: [HashAlgorithm]
    /// The ciphers it offers.
    public let ciphers: [CipherAlgorithm]
    /// The smallest, largest and default RC4 key lengths in bits.
    public let rc4Bits: (minimum: Int, maximum: Int, standard: Int)

    /// Two providers are the same when their names are.
    public static func == (lhs: CryptProvider, rhs: CryptProvider) -> Bool {
        lhs.name == rhs.name
    }

    /// "Microsoft Base Cryptographic Provider v1.0" (`MS_DEF_PROV`), the default of `PROV_RSA_FULL`.
    public static let base = CryptProvider(
        name: "Microsoft Base Cryptographic Provider v1.0", type: PROV_RSA_FULL,
        hashes: [.md5, .sha1], ciphers: [.rc4], rc4Bits: (40, 56, 40))
    /// "Microsoft Enhanced Cryptographic Provider v1.0" (`MS_ENHANCED_PROV`), also `PROV_RSA_FULL`.
    public static let enhanced = CryptProvider(
        name: "Microsoft Enhanced Cryptographic Provider v1.0", type: PROV_RSA_FULL,
        hashes: [.md5, .sha1], ciphers: [.rc4], rc4Bits: (40, 128, 128))
    /// "Microsoft Enhanced RSA and AES Cryptographic Provider" (`MS_ENH_RSA_AES_PROV`), the default
    /// of `PROV_RSA_AES`.
    public static let rsaAES = CryptProvider(
        name: "Microsoft Enhanced RSA and AES Cryptographic Provider", type: PROV_RSA_AES,
        hashes: HashAlgorithm.allCases, ciphers: CipherAlgorithm.allCases, rc4Bits: (40, 128, 128))

    /// Every installed provider.
    public static let all: [CryptProvider] = [.base, .enhanced, .rsaAES]

    /// The header names of the provider name strings, for scenario files.
    public static let constantNames: [(String, CryptProvider)] = [
        ("MS_DEF_PROV", .base), ("MS_ENHANCED_PROV", .enhanced), ("MS_ENH_RSA_AES_PROV", .rsaAES),
    ]

    /// The default provider of a type, or nil when the type has none installed.
    public static func standard(forType type: DWORD) -> CryptProvider? {
        switch type {
        case PROV_RSA_FULL: .base
        case PROV_RSA_AES: .rsaAES
        default: nil
        }
    }

    /// The provider with this name (compared without regard to case, as Windows does), or nil.
    public static func named(_ name: String) -> CryptProvider? {
        all.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The key length in bytes a `CryptGenKey`/`CryptDeriveKey` call gets for `cipher`, from the
    /// high 16 bits of its flags (0 = default); nil when the length is not allowed.
    public func keyLength(for cipher: CipherAlgorithm, flags: DWORD) -> Int? {
        let requested = Int(flags >> 16)
        if let fixed = cipher.fixedKeyBits {
            return requested == 0 || requested == fixed ? fixed / 8 : nil
        }
        if requested == 0 { return rc4Bits.standard / 8 }
        guard requested % 8 == 0, requested >= rc4Bits.minimum, requested <= rc4Bits.maximum else { return nil }
        return requested / 8
    }
}
