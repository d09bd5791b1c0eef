import ContextCore

/// What an `HCRYPTPROV` names: the tag of ``HCRYPTPROV``.
public enum CryptContextTag {}
/// What an `HCRYPTKEY` names: the tag of ``HCRYPTKEY``.
public enum CryptKeyTag {}
/// What an `HCRYPTHASH` names: the tag of ``HCRYPTHASH``.
public enum CryptHashTag {}

/// A handle to a cryptographic service provider context, as `CryptAcquireContext` returns it; NULL is nil.
public typealias HCRYPTPROV = OpaqueHandle<CryptContextTag>
/// A handle to a session key or key pair, as `CryptGenKey` and `CryptDeriveKey` return it; NULL is nil.
public typealias HCRYPTKEY = OpaqueHandle<CryptKeyTag>
/// A handle to a hash object, as `CryptCreateHash` returns it; NULL is nil.
public typealias HCRYPTHASH = OpaqueHandle<CryptHashTag>
/// An algorithm identifier (`CALG_MD5`, `CALG_RC4` ...).
public typealias ALG_ID = UInt32
/// A 32-bit unsigned value, the type of every flag and length of the API.
public typealias DWORD = UInt32
