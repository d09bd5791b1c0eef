/// A value of the calling thread's last error (`GetLastError`) as the CryptoAPI sets it: a Win32
/// error code or an `NTE_*` HRESULT.
///
/// Every code prints as its C name and value, such as `NTE_BAD_FLAGS (0x80090009)`; a value the
/// simulator does not know prints as its value alone.
public struct CryptError: Error, RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code as `GetLastError` returns it.
    public let rawValue: DWORD

    /// Creates a code from its value.
    public init(rawValue: DWORD) {
        self.rawValue = rawValue
    }

    /// No error. The corresponding C code is `ERROR_SUCCESS` (0).
    public static let success = CryptError(rawValue: 0)
    /// A handle is not valid. The corresponding C code is `ERROR_INVALID_HANDLE` (6).
    public static let invalidHandle = CryptError(rawValue: 6)
    /// A parameter is not valid: a NULL, unknown or released handle, or a NULL pointer. The
    /// corresponding C code is `ERROR_INVALID_PARAMETER` (87).
    public static let invalidParameter = CryptError(rawValue: 87)
    /// Another thread is inside a call on the context. The corresponding C code is `ERROR_BUSY` (170).
    public static let busy = CryptError(rawValue: 170)
    /// The buffer is too small; the length variable now holds the size needed. The corresponding C
    /// code is `ERROR_MORE_DATA` (234).
    public static let moreData = CryptError(rawValue: 234)
    /// The context handle is not valid (the documentation's code for a NULL context). The
    /// corresponding C code is `NTE_BAD_UID` (0x80090001).
    public static let badUID = CryptError(rawValue: 0x8009_0001)
    /// The hash handle is not valid for the call. The corresponding C code is `NTE_BAD_HASH` (0x80090002).
    public static let badHash = CryptError(rawValue: 0x8009_0002)
    /// The key cannot be used for the call (a key pair given to a symmetric cipher). The
    /// corresponding C code is `NTE_BAD_KEY` (0x80090003).
    public static let badKey = CryptError(rawValue: 0x8009_0003)
    /// The data length is wrong for the cipher (not a whole number of blocks). The corresponding C
    /// code is `NTE_BAD_LEN` (0x80090004).
    public static let badLength = CryptError(rawValue: 0x8009_0004)
    /// The data is not valid, such as wrong padding after decryption. The corresponding C code is
    /// `NTE_BAD_DATA` (0x80090005).
    public static let badData = CryptError(rawValue: 0x8009_0005)
    /// The provider does not support the algorithm. The corresponding C code is `NTE_BAD_ALGID` (0x80090008).
    public static let badAlgorithm = CryptError(rawValue: 0x8009_0008)
    /// A flag, or a combination of flags, is not valid (including a bad key length in the high
    /// word). The corresponding C code is `NTE_BAD_FLAGS` (0x80090009).
    public static let badFlags = CryptError(rawValue: 0x8009_0009)
    /// The parameter number is not known. The corresponding C code is `NTE_BAD_TYPE` (0x8009000A).
    public static let badType = CryptError(rawValue: 0x8009_000A)
    /// The hash is finished (its value was read) and takes no more data. The corresponding C code is
    /// `NTE_BAD_HASH_STATE` (0x8009000C).
    public static let badHashState = CryptError(rawValue: 0x8009_000C)
    /// The container holds no key pair of that kind. The corresponding C code is `NTE_NO_KEY` (0x8009000D).
    public static let noKey = CryptError(rawValue: 0x8009_000D)
    /// The key container already exists. The corresponding C code is `NTE_EXISTS` (0x8009000F).
    public static let exists = CryptError(rawValue: 0x8009_000F)
    /// The provider type is 0 or above 999. The corresponding C code is `NTE_BAD_PROV_TYPE` (0x80090014).
    public static let badProviderType = CryptError(rawValue: 0x8009_0014)
    /// The key container does not exist. The corresponding C code is `NTE_BAD_KEYSET` (0x80090016).
    public static let badKeyset = CryptError(rawValue: 0x8009_0016)
    /// No provider is installed for the type. The corresponding C code is `NTE_PROV_TYPE_NOT_DEF` (0x80090017).
    public static let providerTypeNotDefined = CryptError(rawValue: 0x8009_0017)
    /// No provider has that name. The corresponding C code is `NTE_KEYSET_NOT_DEF` (0x80090019).
    public static let keysetNotDefined = CryptError(rawValue: 0x8009_0019)
    /// The named provider is of another type. The corresponding C code is `NTE_PROV_TYPE_NO_MATCH` (0x8009001B).
    public static let providerTypeNoMatch = CryptError(rawValue: 0x8009_001B)
    /// An internal error, here: the container store could not be read or written. The
    /// corresponding C code is `NTE_FAIL` (0x80090020).
    public static let failure = CryptError(rawValue: 0x8009_0020)

    /// Every code the simulator knows, with its C name.
    public static let all: [(name: String, error: CryptError)] = [
        ("ERROR_SUCCESS", .success), ("ERROR_INVALID_HANDLE", .invalidHandle),
        ("ERROR_INVALID_PARAMETER", .invalidParameter), ("ERROR_BUSY", .busy),
        ("ERROR_MORE_DATA", .moreData), ("NTE_BAD_UID", .badUID), ("NTE_BAD_HASH", .badHash),
        ("NTE_BAD_KEY", .badKey), ("NTE_BAD_LEN", .badLength), ("NTE_BAD_DATA", .badData),
        ("NTE_BAD_ALGID", .badAlgorithm), ("NTE_BAD_FLAGS", .badFlags), ("NTE_BAD_TYPE", .badType),
        ("NTE_BAD_HASH_STATE", .badHashState), ("NTE_NO_KEY", .noKey), ("NTE_EXISTS", .exists),
        ("NTE_BAD_PROV_TYPE", .badProviderType), ("NTE_BAD_KEYSET", .badKeyset),
        ("NTE_PROV_TYPE_NOT_DEF", .providerTypeNotDefined), ("NTE_KEYSET_NOT_DEF", .keysetNotDefined),
        ("NTE_PROV_TYPE_NO_MATCH", .providerTypeNoMatch), ("NTE_FAIL", .failure),
    ]

    /// The code's C name, or nil when the simulator does not know it.
    public var name: String? {
        Self.all.first { $0.error == self }?.name
    }

    /// The code's value as written in the headers: hex for HRESULTs, decimal for Win32 codes.
    public var valueText: String {
        rawValue > 0xFFFF ? "0x" + String(rawValue, radix: 16, uppercase: true) : String(rawValue)
    }

    /// Name and value, as `NTE_BAD_FLAGS (0x80090009)`, or the value alone for an unknown code.
    public var description: String {
        if let name { return "\(name) (\(valueText))" }
        return valueText
    }

    /// The code with that C name, or nil.
    public init?(name: String) {
        guard let match = Self.all.first(where: { $0.name == name }) else { return nil }
        self = match.error
    }
}
