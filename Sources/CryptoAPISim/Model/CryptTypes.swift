import ContextCore
import Synchronization

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

/// A caller's variable that a call writes through: the model of an out-pointer parameter.
///
/// Pass `nil` where C code would pass a NULL pointer. The box is thread-safe so a call can run on
/// another simulated thread.
public final class OutParameter<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    /// Creates a variable holding `initial`.
    public init(_ initial: Value) {
        storage = Mutex(initial)
    }

    /// The variable's current value.
    public var value: Value {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
