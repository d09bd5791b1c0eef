import Crypto

/// A hash algorithm the simulated providers offer, computed by swift-crypto.
public enum HashAlgorithm: Sendable, CaseIterable {
    /// MD5 (`CALG_MD5`).
    case md5
    /// SHA-1 (`CALG_SHA1`).
    case sha1
    /// SHA-256 (`CALG_SHA_256`).
    case sha256
    /// SHA-384 (`CALG_SHA_384`).
    case sha384
    /// SHA-512 (`CALG_SHA_512`).
    case sha512

    /// The algorithm with this identifier, or nil.
    public init?(algid: ALG_ID) {
        guard let match = Self.allCases.first(where: { $0.algid == algid }) else { return nil }
        self = match
    }

    /// The algorithm identifier.
    public var algid: ALG_ID {
        switch self {
        case .md5: CALG_MD5
        case .sha1: CALG_SHA1
        case .sha256: CALG_SHA_256
        case .sha384: CALG_SHA_384
        case .sha512: CALG_SHA_512
        }
    }

    /// The algorithm with this short name (`md5`, `sha256`), or nil.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    /// The short name, as `md5sum`, `sha256sum` and `scard crypt hash --alg` write it.
    public var name: String {
        switch self {
        case .md5: "md5"
        case .sha1: "sha1"
        case .sha256: "sha256"
        case .sha384: "sha384"
        case .sha512: "sha512"
        }
    }

    /// The size of a hash value in bytes (`HP_HASHSIZE`).
    public var size: Int {
        switch self {
        case .md5: 16
        case .sha1: 20
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }

    /// Whether the algorithm is of the SHA-2 family, which `CryptDeriveKey` treats differently.
    public var isSHA2: Bool {
        switch self {
        case .md5, .sha1: false
        case .sha256, .sha384, .sha512: true
        }
    }

    /// The hash of `bytes` in one step.
    public func digest(_ bytes: [UInt8]) -> [UInt8] {
        var running = RunningDigest(self)
        running.update(bytes[...])
        return running.finalize()
    }
}

/// A hash computation in progress: data goes in piece by piece, the value comes out once.
public struct RunningDigest {
    private enum State {
        case md5(Insecure.MD5)
        case sha1(Insecure.SHA1)
        case sha256(SHA256)
        case sha384(SHA384)
        case sha512(SHA512)
    }

    private var state: State
    /// The algorithm being computed.
    public let algorithm: HashAlgorithm

    /// Starts a computation.
    public init(_ algorithm: HashAlgorithm) {
        self.algorithm = algorithm
        switch algorithm {
        case .md5: state = .md5(Insecure.MD5())
        case .sha1: state = .sha1(Insecure.SHA1())
        case .sha256: state = .sha256(SHA256())
        case .sha384: state = .sha384(SHA384())
        case .sha512: state = .sha512(SHA512())
        }
    }

    /// Appends bytes to the data hashed.
    public mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { buffer in
            switch state {
            case .md5(var hasher):
                hasher.update(bufferPointer: buffer)
                state = .md5(hasher)
            case .sha1(var hasher):
                hasher.update(bufferPointer: buffer)
                state = .sha1(hasher)
            case .sha256(var hasher):
                hasher.update(bufferPointer: buffer)
                state = .sha256(hasher)
            case .sha384(var hasher):
                hasher.update(bufferPointer: buffer)
                state = .sha384(hasher)
            case .sha512(var hasher):
                hasher.update(bufferPointer: buffer)
                state = .sha512(hasher)
            }
        }
    }

    /// The hash value of everything appended.
    public func finalize() -> [UInt8] {
        switch state {
        case .md5(let hasher): Array(hasher.finalize())
        case .sha1(let hasher): Array(hasher.finalize())
        case .sha256(let hasher): Array(hasher.finalize())
        case .sha384(let hasher): Array(hasher.finalize())
        case .sha512(let hasher): Array(hasher.finalize())
        }
    }
}
