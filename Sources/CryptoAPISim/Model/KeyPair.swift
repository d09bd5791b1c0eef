import FoundationEssentials
import _CryptoExtras

/// The two kinds of key pair a key container holds.
public enum KeySpec: String, Sendable, Codable, CaseIterable {
    /// The key exchange pair (`AT_KEYEXCHANGE`, `CALG_RSA_KEYX`).
    case exchange
    /// The signature pair (`AT_SIGNATURE`, `CALG_RSA_SIGN`).
    case signature

    /// The kind a `CryptGenKey` algorithm or a `CryptGetUserKey` key spec names, or nil.
    public init?(algid: ALG_ID) {
        switch algid {
        case AT_KEYEXCHANGE, CALG_RSA_KEYX: self = .exchange
        case AT_SIGNATURE, CALG_RSA_SIGN: self = .signature
        default: return nil
        }
    }

    /// The C name of the key spec.
    public var cName: String {
        self == .exchange ? "AT_KEYEXCHANGE" : "AT_SIGNATURE"
    }

    /// The algorithm of the pair's keys.
    public var algid: ALG_ID {
        self == .exchange ? CALG_RSA_KEYX : CALG_RSA_SIGN
    }
}

/// An RSA key pair as a container keeps it: its kind, size, and private key (PKCS#1 DER, base64).
package struct StoredKeyPair: Sendable, Codable, Equatable {
    /// The kind of pair.
    package let spec: KeySpec
    /// The modulus size in bits.
    package let bits: Int
    /// Whether the pair was made with `CRYPT_EXPORTABLE`.
    package let exportable: Bool
    /// The private key, PKCS#1 DER in base64.
    package let privateKey: String

    /// The smallest and largest key pair the simulator makes (BoringSSL makes none below 1024 bits).
    package static let sizes = 1024...4096
    /// The step between allowed sizes in bits (BoringSSL makes moduli in steps of 128 bits).
    package static let step = 128

    /// Creates a pair from its parts, as a store holds them; ``problem()`` says whether they fit.
    package init(spec: KeySpec, bits: Int, exportable: Bool, privateKey: String) {
        self.spec = spec
        self.bits = bits
        self.exportable = exportable
        self.privateKey = privateKey
    }

    /// Generates a new RSA pair with swift-crypto.
    package static func generate(_ spec: KeySpec, bits: Int, exportable: Bool) throws -> StoredKeyPair {
        let key = try _RSA.Signing.PrivateKey(unsafeKeySize: _RSA.Signing.KeySize(bitCount: bits))
        return StoredKeyPair(
            spec: spec, bits: key.keySizeInBits, exportable: exportable,
            privateKey: key.derRepresentation.base64EncodedString())
    }

    /// Whether the simulator makes pairs of this size.
    package static func isSupported(bits: Int) -> Bool {
        sizes.contains(bits) && bits % step == 0
    }

    /// What is wrong with a pair read from a store, as a phrase ("has -5 bits ..."), or nil when
    /// its size is one the simulator makes and its private key decodes to an RSA key of that size.
    package func problem() -> String? {
        guard Self.isSupported(bits: bits) else {
            return "has \(bits) bits (the simulator makes \(Self.sizes.lowerBound) to \(Self.sizes.upperBound) in steps of \(Self.step))"
        }
        guard let der = Data(base64Encoded: privateKey) else { return "has a private key that is not base64" }
        guard let key = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: der) else {
            return "has a private key that is not an RSA private key (PKCS#1 DER)"
        }
        guard key.keySizeInBits == bits else {
            return "has a \(key.keySizeInBits)-bit private key, not the \(bits) bits recorded"
        }
        return nil
    }

    /// The package key (SubjectPublicKeyInfo DER), or nil when the stored private key is damaged.
    package func publicKey() -> [UInt8]? {
        guard let der = Data(base64Encoded: privateKey),
            let key = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: der)
        else { return nil }
        return [UInt8](key.publicKey.derRepresentation)
    }
}

/// What a key handle to a container's key pair stands for.
package struct KeyPairHandle: Sendable, Equatable {
    /// The pair.
    package let pair: StoredKeyPair
}
