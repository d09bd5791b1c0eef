import ContextCore
import CryptoAPISim

/// A fresh simulated process with an in-memory store, and short forms of the calls the tests use.
struct Fixture {
    let simulator: CryptSimulator
    let thread: CryptThread

    init(profile: CryptProfile = .windows, store: ContainerStore = ContainerStore()) {
        simulator = CryptSimulator(store: store, profile: profile, userName: "alice")
        thread = simulator.main
    }

    var live: Int { simulator.table.liveCount() }

    func acquire(
        _ container: String? = nil, provider: String? = nil, type: DWORD = PROV_RSA_FULL, flags: DWORD = 0
    ) -> (ok: Bool, handle: HCRYPTPROV?) {
        let out = OutParameter<HCRYPTPROV?>(nil)
        let ok = thread.acquireContext(out, container: container, provider: provider, type: type, flags: flags)
        return (ok, out.value)
    }

    /// A verify context; 0 if it failed.
    func verifyContext(type: DWORD = PROV_RSA_AES) -> HCRYPTPROV? {
        acquire(type: type, flags: CRYPT_VERIFYCONTEXT).handle
    }

    func genKey(_ prov: HCRYPTPROV?, _ algid: ALG_ID, flags: DWORD = 0) -> (ok: Bool, handle: HCRYPTKEY?) {
        let out = OutParameter<HCRYPTKEY?>(nil)
        let ok = thread.genKey(prov, algid: algid, flags: flags, out)
        return (ok, out.value)
    }

    func deriveKey(_ prov: HCRYPTPROV?, _ algid: ALG_ID, from hash: HCRYPTHASH?, flags: DWORD = 0)
        -> (ok: Bool, handle: HCRYPTKEY?)
    {
        let out = OutParameter<HCRYPTKEY?>(nil)
        let ok = thread.deriveKey(prov, algid: algid, hash, flags: flags, out)
        return (ok, out.value)
    }

    func createHash(_ prov: HCRYPTPROV?, _ algid: ALG_ID, key: HCRYPTKEY? = nil, flags: DWORD = 0)
        -> (ok: Bool, handle: HCRYPTHASH?)
    {
        let out = OutParameter<HCRYPTHASH?>(nil)
        let ok = thread.createHash(prov, algid: algid, key, flags: flags, out)
        return (ok, out.value)
    }

    /// The hash value, or nil when the call failed.
    func hashValue(_ hash: HCRYPTHASH?) -> [UInt8]? {
        let data = OutParameter<[UInt8]>([])
        let length = OutParameter<DWORD>(64)
        return thread.getHashParam(hash, param: HP_HASHVAL, data, length, flags: 0) ? data.value : nil
    }

    /// Encrypts with room for the padding; the output or nil.
    func encrypt(_ key: HCRYPTKEY?, _ plain: [UInt8], final: Bool = true, hash: HCRYPTHASH? = nil) -> [UInt8]? {
        let data = OutParameter(plain)
        let length = OutParameter(DWORD(plain.count))
        let ok = thread.encrypt(key, hash, final: final, flags: 0, data, length, bufferLength: DWORD(plain.count + 16))
        return ok ? data.value : nil
    }

    /// Decrypts; the output or nil.
    func decrypt(_ key: HCRYPTKEY?, _ cipher: [UInt8], final: Bool = true, hash: HCRYPTHASH? = nil) -> [UInt8]? {
        let data = OutParameter(cipher)
        let length = OutParameter(DWORD(cipher.count))
        return thread.decrypt(key, hash, final: final, flags: 0, data, length) ? data.value : nil
    }

    /// The reference count of a live resource, or nil.
    func count<Tag>(_ value: OpaqueHandle<Tag>?) -> Int? {
        guard let value else { return nil }
        return simulator.table.info(value.handle)?.referenceCount
    }
}

/// A raw value as the handle type a call takes, as a C caller may pass any value; 0 is NULL.
func opaque<Tag>(_ raw: UInt64) -> OpaqueHandle<Tag>? {
    OpaqueHandle(rawValue: raw)
}

/// The raw value of a handle, as a C caller holds it; 0 for NULL.
func raw<Tag>(_ handle: OpaqueHandle<Tag>?) -> UInt64 {
    handle?.rawValue ?? 0
}
