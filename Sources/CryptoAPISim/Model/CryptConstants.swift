// The constants of wincrypt.h the simulator understands, under their C names.

/// Provider type of the RSA full providers (Base, Enhanced). The corresponding C constant is `PROV_RSA_FULL`.
public let PROV_RSA_FULL: DWORD = 1
/// Provider type of the RSA signature providers (none installed). The corresponding C constant is `PROV_RSA_SIG`.
public let PROV_RSA_SIG: DWORD = 2
/// Provider type of the DSS providers (none installed). The corresponding C constant is `PROV_DSS`.
public let PROV_DSS: DWORD = 3
/// Provider type of the RSA and AES provider. The corresponding C constant is `PROV_RSA_AES`.
public let PROV_RSA_AES: DWORD = 24

/// An ephemeral context with no key container. The corresponding C constant is `CRYPT_VERIFYCONTEXT`.
public let CRYPT_VERIFYCONTEXT: DWORD = 0xF000_0000
/// Create the key container. The corresponding C constant is `CRYPT_NEWKEYSET`.
public let CRYPT_NEWKEYSET: DWORD = 0x8
/// Delete the key container and its key pairs. The corresponding C constant is `CRYPT_DELETEKEYSET`.
public let CRYPT_DELETEKEYSET: DWORD = 0x10
/// Use the machine's containers instead of the user's. The corresponding C constant is `CRYPT_MACHINE_KEYSET`.
public let CRYPT_MACHINE_KEYSET: DWORD = 0x20
/// Never show a user interface. The corresponding C constant is `CRYPT_SILENT`.
public let CRYPT_SILENT: DWORD = 0x40

/// The key can be exported. The corresponding C constant is `CRYPT_EXPORTABLE`.
public let CRYPT_EXPORTABLE: DWORD = 0x1
/// Use the hash bytes after the key as its salt (`CryptDeriveKey`), or a random salt (`CryptGenKey`).
/// The corresponding C constant is `CRYPT_CREATE_SALT`.
public let CRYPT_CREATE_SALT: DWORD = 0x4
/// Give a 40-bit key no salt. The corresponding C constant is `CRYPT_NO_SALT`.
public let CRYPT_NO_SALT: DWORD = 0x10
/// `CryptHashSessionKey`: hash the key bytes in little-endian order. The corresponding C constant is `CRYPT_LITTLE_ENDIAN`.
public let CRYPT_LITTLE_ENDIAN: DWORD = 0x1
/// `CryptHashData`: the data was typed by the user. The corresponding C constant is `CRYPT_USERDATA`.
public let CRYPT_USERDATA: DWORD = 0x1

/// `CryptGenKey`/`CryptGetUserKey`: the container's key exchange pair. The corresponding C constant is `AT_KEYEXCHANGE`.
public let AT_KEYEXCHANGE: ALG_ID = 1
/// `CryptGenKey`/`CryptGetUserKey`: the container's signature pair. The corresponding C constant is `AT_SIGNATURE`.
public let AT_SIGNATURE: ALG_ID = 2
/// RSA key exchange pair. The corresponding C constant is `CALG_RSA_KEYX`.
public let CALG_RSA_KEYX: ALG_ID = 0xA400
/// RSA signature pair. The corresponding C constant is `CALG_RSA_SIGN`.
public let CALG_RSA_SIGN: ALG_ID = 0x2400

/// MD5, 128-bit hash. The corresponding C constant is `CALG_MD5`.
public let CALG_MD5: ALG_ID = 0x8003
/// SHA-1, 160-bit hash. The corresponding C constant is `CALG_SHA1` (also `CALG_SHA`).
public let CALG_SHA1: ALG_ID = 0x8004
/// SHA-256 hash (PROV_RSA_AES only). The corresponding C constant is `CALG_SHA_256`.
public let CALG_SHA_256: ALG_ID = 0x800C
/// SHA-384 hash (PROV_RSA_AES only). The corresponding C constant is `CALG_SHA_384`.
public let CALG_SHA_384: ALG_ID = 0x800D
/// SHA-512 hash (PROV_RSA_AES only). The corresponding C constant is `CALG_SHA_512`.
public let CALG_SHA_512: ALG_ID = 0x800E
/// RC4 stream cipher. The corresponding C constant is `CALG_RC4`.
public let CALG_RC4: ALG_ID = 0x6801
/// AES with a 128-bit key, CBC (PROV_RSA_AES only). The corresponding C constant is `CALG_AES_128`.
public let CALG_AES_128: ALG_ID = 0x660E
/// AES with a 192-bit key, CBC (PROV_RSA_AES only). The corresponding C constant is `CALG_AES_192`.
public let CALG_AES_192: ALG_ID = 0x660F
/// AES with a 256-bit key, CBC (PROV_RSA_AES only). The corresponding C constant is `CALG_AES_256`.
public let CALG_AES_256: ALG_ID = 0x6610

/// `CryptGetHashParam`: the hash's algorithm identifier. The corresponding C constant is `HP_ALGID`.
public let HP_ALGID: DWORD = 1
/// `CryptGetHashParam`: the hash value (finishes the hash). The corresponding C constant is `HP_HASHVAL`.
public let HP_HASHVAL: DWORD = 2
/// `CryptGetHashParam`: the size of the hash value in bytes. The corresponding C constant is `HP_HASHSIZE`.
public let HP_HASHSIZE: DWORD = 4

/// The C names and values of every constant above, for scenario files.
public enum CryptConstantNames {
    /// Name-value pairs of every constant a scenario can use (flags, algorithms, parameters, BOOLs).
    public static let pairs: [(String, UInt64)] = [
        ("FALSE", 0), ("TRUE", 1),
        ("PROV_RSA_FULL", UInt64(PROV_RSA_FULL)), ("PROV_RSA_SIG", UInt64(PROV_RSA_SIG)),
        ("PROV_DSS", UInt64(PROV_DSS)), ("PROV_RSA_AES", UInt64(PROV_RSA_AES)),
        ("CRYPT_VERIFYCONTEXT", UInt64(CRYPT_VERIFYCONTEXT)), ("CRYPT_NEWKEYSET", UInt64(CRYPT_NEWKEYSET)),
        ("CRYPT_DELETEKEYSET", UInt64(CRYPT_DELETEKEYSET)), ("CRYPT_MACHINE_KEYSET", UInt64(CRYPT_MACHINE_KEYSET)),
        ("CRYPT_SILENT", UInt64(CRYPT_SILENT)), ("CRYPT_EXPORTABLE", UInt64(CRYPT_EXPORTABLE)),
        ("CRYPT_CREATE_SALT", UInt64(CRYPT_CREATE_SALT)), ("CRYPT_NO_SALT", UInt64(CRYPT_NO_SALT)),
        ("CRYPT_LITTLE_ENDIAN", UInt64(CRYPT_LITTLE_ENDIAN)), ("CRYPT_USERDATA", UInt64(CRYPT_USERDATA)),
        ("CALG_MD5", UInt64(CALG_MD5)), ("CALG_SHA", UInt64(CALG_SHA1)), ("CALG_SHA1", UInt64(CALG_SHA1)),
        ("CALG_SHA_256", UInt64(CALG_SHA_256)), ("CALG_SHA_384", UInt64(CALG_SHA_384)),
        ("CALG_SHA_512", UInt64(CALG_SHA_512)), ("CALG_RC4", UInt64(CALG_RC4)),
        ("CALG_AES_128", UInt64(CALG_AES_128)), ("CALG_AES_192", UInt64(CALG_AES_192)),
        ("CALG_AES_256", UInt64(CALG_AES_256)), ("AT_KEYEXCHANGE", UInt64(AT_KEYEXCHANGE)),
        ("AT_SIGNATURE", UInt64(AT_SIGNATURE)), ("CALG_RSA_KEYX", UInt64(CALG_RSA_KEYX)),
        ("CALG_RSA_SIGN", UInt64(CALG_RSA_SIGN)),
        ("HP_ALGID", UInt64(HP_ALGID)), ("HP_HASHVAL", UInt64(HP_HASHVAL)), ("HP_HASHSIZE", UInt64(HP_HASHSIZE)),
    ] + CryptError.all.map { ($0.name, UInt64($0.error.rawValue)) }

    /// The C name of an algorithm identifier, or its hex value.
    public static func algorithmName(_ algid: ALG_ID) -> String {
        if algid == CALG_SHA1 { return "CALG_SHA1" }
        return pairs.first { $0.0.hasPrefix("CALG_") && $0.1 == UInt64(algid) }?.0
            ?? "0x" + String(algid, radix: 16, uppercase: true)
    }
}
