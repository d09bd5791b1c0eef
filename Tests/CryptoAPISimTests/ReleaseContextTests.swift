import ContextCore
import CryptoAPISim
import Testing

@Suite("CryptReleaseContext and CryptContextAddRef: the seed page's table")
struct ReleaseContextTests {
    @Test("NULL, unknown or already released handles (any flags) are ERROR_INVALID_PARAMETER and change nothing")
    func badHandles() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let released = fixture.verifyContext()
        #expect(fixture.thread.releaseContext(released, flags: 0))
        let values: [UInt64] = [0xDEAD_BEEF, 0x7FFF_FFFF_0000_0042, .max]
        for handle in [nil, released] + values.map(HCRYPTPROV.init(rawValue:)) {
            for flags: DWORD in [0, 1, 0xFFFF_FFFF] {
                #expect(!fixture.thread.releaseContext(handle, flags: flags))
                #expect(fixture.thread.lastError == .invalidParameter)
            }
        }
        #expect(fixture.count(prov) == 1)
        #expect(fixture.live == 1)
    }

    @Test("a key or hash handle passed as hProv is ERROR_INVALID_PARAMETER")
    func wrongKind() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_RC4).handle
        let hash = fixture.createHash(prov, CALG_MD5).handle
        #expect(!fixture.thread.releaseContext(key.map { HCRYPTPROV($0.handle) }, flags: 0))
        #expect(!fixture.thread.releaseContext(hash.map { HCRYPTPROV($0.handle) }, flags: 0))
        #expect(fixture.thread.lastError == .invalidParameter)
        #expect(fixture.live == 3)
    }

    @Test("count > 1 and flags 0: TRUE and count - 1")
    func decrement() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        #expect(fixture.thread.contextAddRef(prov, reserved: 0, flags: 0))
        #expect(fixture.count(prov) == 2)
        #expect(fixture.thread.releaseContext(prov, flags: 0))
        #expect(fixture.count(prov) == 1)
    }

    @Test("count 1 and flags 0: TRUE, the context and every key and hash freed newest first; the container stays")
    func freeCascade() throws {
        let fixture = Fixture()
        let prov = fixture.acquire("kc", flags: CRYPT_NEWKEYSET).handle
        let key = fixture.genKey(prov, CALG_RC4).handle
        let hash = fixture.createHash(prov, CALG_SHA1).handle
        let key2 = fixture.genKey(prov, CALG_RC4).handle
        let before = fixture.simulator.table.ledger.eventCount
        #expect(fixture.thread.releaseContext(prov, flags: 0))
        let freed = fixture.simulator.table.ledger.events.filter { $0.sequence > before && $0.action == .free }
        #expect(freed.map(\.handle.rawValue) == [raw(key2), raw(hash), raw(key), raw(prov)])
        #expect(fixture.live == 0)
        #expect(try fixture.simulator.store.containers().count == 1)
        #expect(fixture.acquire("kc").ok)
    }

    @Test("non-zero flags: FALSE, NTE_BAD_FLAGS, and the release still happens")
    func releaseWithFlags() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        #expect(fixture.thread.contextAddRef(prov, reserved: 0, flags: 0))
        #expect(!fixture.thread.releaseContext(prov, flags: 1))
        #expect(fixture.thread.lastError == .badFlags)
        #expect(fixture.count(prov) == 1)
        #expect(!fixture.thread.releaseContext(prov, flags: 0x8000_0000))
        #expect(fixture.thread.lastError == .badFlags)
        #expect(fixture.count(prov) == nil)
        #expect(fixture.live == 0)
    }

    @Test("pinned: AddRef twice then release three times is TRUE, TRUE, TRUE; the fourth is ERROR_INVALID_PARAMETER")
    func addRefTwiceReleaseFourTimes() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        #expect(fixture.thread.contextAddRef(prov, reserved: 0, flags: 0))
        #expect(fixture.thread.contextAddRef(prov, reserved: 0, flags: 0))
        #expect(fixture.thread.releaseContext(prov, flags: 0))
        #expect(fixture.thread.releaseContext(prov, flags: 0))
        #expect(fixture.thread.releaseContext(prov, flags: 0))
        #expect(!fixture.thread.releaseContext(prov, flags: 0))
        #expect(fixture.thread.lastError == .invalidParameter)
        #expect(fixture.live == 0)
    }

    @Test("pinned: release with flags ~0 on count 1 is FALSE/NTE_BAD_FLAGS, then any use is ERROR_INVALID_PARAMETER")
    func releaseAllOnesThenUse() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        #expect(!fixture.thread.releaseContext(prov, flags: ~0))
        #expect(fixture.thread.lastError == .badFlags)
        fixture.thread.setLastError(.success)
        #expect(!fixture.thread.contextAddRef(prov, reserved: 0, flags: 0))
        #expect(fixture.thread.lastError == .invalidParameter)
        fixture.thread.setLastError(.success)
        #expect(!fixture.genKey(prov, CALG_RC4).ok)
        #expect(fixture.thread.lastError == .invalidParameter)
        fixture.thread.setLastError(.success)
        #expect(!fixture.createHash(prov, CALG_MD5).ok)
        #expect(fixture.thread.lastError == .invalidParameter)
        fixture.thread.setLastError(.success)
        #expect(!fixture.thread.releaseContext(prov, flags: 0))
        #expect(fixture.thread.lastError == .invalidParameter)
    }

    @Test("pinned: a hash and a key made, the context released, then every call on them is ERROR_INVALID_PARAMETER; 0 live")
    func childrenAfterRelease() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_AES_128).handle
        let hash = fixture.createHash(prov, CALG_SHA_256).handle
        #expect(fixture.thread.hashData(hash, Array("abc".utf8), flags: 0))
        #expect(fixture.thread.releaseContext(prov, flags: 0))
        #expect(fixture.live == 0)
        let t = fixture.thread
        let data = OutParameter<[UInt8]>([1, 2, 3])
        let length = OutParameter<DWORD>(3)
        let calls: [(String, () -> Bool)] = [
            ("CryptHashData", { t.hashData(hash, [1], flags: 0) }),
            ("CryptHashSessionKey", { t.hashSessionKey(hash, key, flags: 0) }),
            ("CryptGetHashParam", { t.getHashParam(hash, param: HP_HASHVAL, data, length, flags: 0) }),
            ("CryptDeriveKey", { t.deriveKey(prov, algid: CALG_RC4, hash, flags: 0, OutParameter(nil)) }),
            ("CryptEncrypt", { t.encrypt(key, nil, final: true, flags: 0, data, length, bufferLength: 64) }),
            ("CryptDecrypt", { t.decrypt(key, nil, final: true, flags: 0, data, length) }),
            ("CryptDestroyHash", { t.destroyHash(hash) }),
            ("CryptDestroyKey", { t.destroyKey(key) }),
        ]
        for (name, call) in calls {
            t.setLastError(.success)
            #expect(!call(), "\(name)")
            #expect(t.lastError == .invalidParameter, "\(name)")
        }
        #expect(fixture.live == 0)
    }

    @Test("AddRef: a valid context gets count + 1; NULL, unknown, released, non-NULL reserved or flags are ERROR_INVALID_PARAMETER")
    func addRef() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let released = fixture.verifyContext()
        #expect(fixture.thread.releaseContext(released, flags: 0))
        #expect(fixture.thread.contextAddRef(prov, reserved: 0, flags: 0))
        #expect(fixture.count(prov) == 2)
        let bad: [(HCRYPTPROV?, UInt64, DWORD)] = [
            (nil, 0, 0), (HCRYPTPROV(rawValue: 0xDEAD_BEEF), 0, 0), (released, 0, 0), (prov, 0x1000, 0), (prov, 0, 1),
        ]
        for (handle, reserved, flags) in bad {
            fixture.thread.setLastError(.success)
            #expect(!fixture.thread.contextAddRef(handle, reserved: reserved, flags: flags))
            #expect(fixture.thread.lastError == .invalidParameter)
        }
        #expect(fixture.count(prov) == 2)
    }

    @Test("documented profile: NULL is NTE_BAD_UID; released, unknown, key or hash handles are ERROR_INVALID_HANDLE")
    func documentedProfile() {
        let fixture = Fixture(profile: .documented)
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_RC4).handle
        let hash = fixture.createHash(prov, CALG_MD5).handle
        let released = fixture.verifyContext()
        #expect(fixture.thread.releaseContext(released, flags: 0))
        #expect(!fixture.thread.releaseContext(nil, flags: 0))
        #expect(fixture.thread.lastError == .badUID)
        for handle in [raw(released), 0xDEAD_BEEF, raw(key), raw(hash)] {
            fixture.thread.setLastError(.success)
            #expect(!fixture.thread.releaseContext(opaque(handle), flags: 0))
            #expect(fixture.thread.lastError == .invalidHandle)
        }
        #expect(!fixture.thread.releaseContext(prov, flags: 2))
        #expect(fixture.thread.lastError == .badFlags)
        #expect(fixture.live == 0)
    }

    @Test("switching profile changes the codes of the same calls")
    func profileSwitch() {
        let fixture = Fixture()
        #expect(!fixture.thread.releaseContext(nil, flags: 0))
        #expect(fixture.thread.lastError == .invalidParameter)
        fixture.simulator.profile = .documented
        #expect(!fixture.thread.releaseContext(nil, flags: 0))
        #expect(fixture.thread.lastError == .badUID)
    }

    @Test("stale uses of released handles appear in the ledger")
    func staleUseInLedger() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        #expect(fixture.thread.releaseContext(prov, flags: 0))
        #expect(!fixture.thread.releaseContext(prov, flags: 0))
        #expect(fixture.simulator.table.ledger.totals[.staleUse] == 1)
    }
}
