import ContextCore
import CryptoAPISim
import Foundation
import Testing

@Suite("Key pairs live in their container, not in the context")
struct KeyPairTests {
    /// The public key behind a key handle, or nil.
    static func publicKey(_ fixture: Fixture, _ raw: HCRYPTKEY?) -> [UInt8]? {
        guard let handle = raw?.handle,
            let pair = fixture.simulator.table.info(handle)?.payload as? KeyPairHandle
        else { return nil }
        return pair.pair.publicKey()
    }

    static func userKey(_ fixture: Fixture, _ prov: HCRYPTPROV?, _ spec: DWORD) -> (ok: Bool, handle: HCRYPTKEY?) {
        let out = OutParameter<HCRYPTKEY?>(nil)
        let ok = fixture.thread.getUserKey(prov, keySpec: spec, out)
        return (ok, out.value)
    }

    @Test("a pair made in a container survives the context: released, re-acquired, CryptGetUserKey finds it")
    func survivesRelease() throws {
        let fixture = Fixture()
        let prov = fixture.acquire("kc", flags: CRYPT_NEWKEYSET).handle
        let made = fixture.genKey(prov, AT_KEYEXCHANGE, flags: CRYPT_EXPORTABLE)
        #expect(made.ok)
        let original = try #require(Self.publicKey(fixture, made.handle))
        #expect(fixture.simulator.table.liveResources().last?.label == "AT_KEYEXCHANGE RSA 1024-bit")
        #expect(fixture.thread.releaseContext(prov, flags: 0))
        #expect(fixture.live == 0)
        let again = fixture.acquire("kc").handle
        let found = Self.userKey(fixture, again, AT_KEYEXCHANGE)
        #expect(found.ok)
        #expect(Self.publicKey(fixture, found.handle) == original)
        #expect(!Self.userKey(fixture, again, AT_SIGNATURE).ok)
        #expect(fixture.thread.lastError == .noKey)
        #expect(fixture.thread.destroyKey(found.handle))
        #expect(Self.userKey(fixture, again, AT_KEYEXCHANGE).ok)
        #expect(fixture.thread.releaseContext(again, flags: 0))
        #expect(fixture.live == 0)
    }

    @Test("DELETEKEYSET deletes the container with its pairs")
    func deletedWithContainer() {
        let fixture = Fixture()
        let prov = fixture.acquire("kc", flags: CRYPT_NEWKEYSET).handle
        #expect(fixture.genKey(prov, CALG_RSA_SIGN).ok)
        #expect(fixture.thread.releaseContext(prov, flags: 0))
        #expect(fixture.acquire("kc", flags: CRYPT_DELETEKEYSET).ok)
        let fresh = fixture.acquire("kc", flags: CRYPT_NEWKEYSET).handle
        #expect(!Self.userKey(fixture, fresh, AT_SIGNATURE).ok)
        #expect(fixture.thread.lastError == .noKey)
    }

    @Test("a verify context keeps its pairs as long as it lives, in no container")
    func verifyContextPairs() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        #expect(!Self.userKey(fixture, prov, AT_KEYEXCHANGE).ok)
        #expect(fixture.thread.lastError == .noKey)
        #expect(fixture.genKey(prov, AT_KEYEXCHANGE).ok)
        #expect(Self.userKey(fixture, prov, AT_KEYEXCHANGE).ok)
        let other = fixture.verifyContext()
        #expect(!Self.userKey(fixture, other, AT_KEYEXCHANGE).ok)
    }

    @Test("pairs persist in a directory store between runs")
    func persistsBetweenRuns() throws {
        let directory = try ContainerStoreTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = Fixture(store: try ContainerStore(location: .directory(directory.path)))
        let prov = first.acquire("kc", flags: CRYPT_NEWKEYSET).handle
        let made = first.genKey(prov, AT_SIGNATURE)
        let original = Self.publicKey(first, made.handle)
        let second = Fixture(store: try ContainerStore(location: .directory(directory.path)))
        let found = Self.userKey(second, second.acquire("kc").handle, AT_SIGNATURE)
        #expect(found.ok)
        #expect(Self.publicKey(second, found.handle) == original)
    }

    @Test("key spec, size and use: NTE_NO_KEY for other specs, NTE_BAD_FLAGS for sizes, NTE_BAD_KEY as a cipher")
    func checks() {
        let fixture = Fixture()
        let prov = fixture.acquire("kc", flags: CRYPT_NEWKEYSET).handle
        for spec: DWORD in [0, 3, CALG_RSA_KEYX] {
            fixture.thread.setLastError(.success)
            #expect(!Self.userKey(fixture, prov, spec).ok)
            #expect(fixture.thread.lastError == .noKey)
        }
        for bits: DWORD in [512, 1032, 8192] {
            fixture.thread.setLastError(.success)
            #expect(!fixture.genKey(prov, AT_KEYEXCHANGE, flags: bits << 16).ok)
            #expect(fixture.thread.lastError == .badFlags)
        }
        let pair = fixture.genKey(prov, AT_KEYEXCHANGE).handle
        let data = OutParameter<[UInt8]>([1, 2, 3])
        let length = OutParameter<DWORD>(3)
        #expect(!fixture.thread.encrypt(pair, nil, final: true, flags: 0, data, length, bufferLength: 64))
        #expect(fixture.thread.lastError == .badKey)
        #expect(!fixture.thread.decrypt(pair, nil, final: true, flags: 0, data, length))
        #expect(fixture.thread.lastError == .badKey)
        let hash = fixture.createHash(prov, CALG_MD5, key: pair).handle
        #expect(hash != nil)
        #expect(!fixture.thread.hashSessionKey(hash, pair, flags: 0))
        #expect(fixture.thread.lastError == .badKey)
        #expect(!fixture.thread.getUserKey(prov, keySpec: AT_KEYEXCHANGE, nil))
        #expect(fixture.thread.lastError == .invalidParameter)
        #expect(!Self.userKey(fixture, opaque(0xDEAD), AT_KEYEXCHANGE).ok)
        #expect(fixture.thread.lastError == .invalidParameter)
    }
}
