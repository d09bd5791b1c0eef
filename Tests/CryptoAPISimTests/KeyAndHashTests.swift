import ContextCore
import CryptoAPISim
import Testing

@Suite("Keys and hashes as children of their context")
struct KeyAndHashTests {
    @Test("CryptGenKey: RC4 default length is the provider's; AES only on PROV_RSA_AES; unknown algorithm NTE_BAD_ALGID")
    func genKey() {
        let fixture = Fixture()
        let base = fixture.verifyContext(type: PROV_RSA_FULL)
        let aes = fixture.verifyContext(type: PROV_RSA_AES)
        #expect(fixture.genKey(base, CALG_RC4).ok)
        #expect(fixture.simulator.table.liveResources().last?.label == "CALG_RC4 40-bit")
        #expect(fixture.genKey(aes, CALG_RC4).ok)
        #expect(fixture.simulator.table.liveResources().last?.label == "CALG_RC4 128-bit")
        #expect(fixture.genKey(aes, CALG_AES_256).ok)
        #expect(!fixture.genKey(base, CALG_AES_128).ok)
        #expect(fixture.thread.lastError == .badAlgorithm)
        #expect(!fixture.genKey(aes, CALG_MD5).ok)
        #expect(fixture.thread.lastError == .badAlgorithm)
        #expect(!fixture.genKey(aes, 0x1234).ok)
        #expect(fixture.thread.lastError == .badAlgorithm)
    }

    @Test("CryptGenKey: key length in the high word; lengths the provider does not allow are NTE_BAD_FLAGS")
    func keyLengths() {
        let fixture = Fixture()
        let base = fixture.verifyContext(type: PROV_RSA_FULL)
        let aes = fixture.verifyContext(type: PROV_RSA_AES)
        #expect(fixture.genKey(base, CALG_RC4, flags: 56 << 16).ok)
        #expect(fixture.genKey(aes, CALG_RC4, flags: 64 << 16 | CRYPT_EXPORTABLE).ok)
        #expect(fixture.genKey(aes, CALG_AES_128, flags: 128 << 16).ok)
        for (prov, algid, flags) in [
            (base, CALG_RC4, DWORD(128) << 16), (base, CALG_RC4, 41 << 16), (aes, CALG_RC4, 32 << 16),
            (aes, CALG_AES_128, 256 << 16),
        ] {
            fixture.thread.setLastError(.success)
            #expect(!fixture.genKey(prov, algid, flags: flags).ok)
            #expect(fixture.thread.lastError == .badFlags)
        }
    }

    @Test("CryptGenKey and CryptCreateHash: NULL, unknown or released context, or NULL out-pointer: ERROR_INVALID_PARAMETER")
    func badContext() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        #expect(!fixture.thread.genKey(prov, algid: CALG_RC4, flags: 0, nil))
        #expect(fixture.thread.lastError == .invalidParameter)
        #expect(!fixture.thread.createHash(prov, algid: CALG_MD5, nil, flags: 0, nil))
        #expect(fixture.thread.lastError == .invalidParameter)
        for handle: HCRYPTPROV? in [nil, HCRYPTPROV(rawValue: 0xDEAD_BEEF)] {
            fixture.thread.setLastError(.success)
            #expect(!fixture.genKey(handle, CALG_RC4).ok)
            #expect(fixture.thread.lastError == .invalidParameter)
            fixture.thread.setLastError(.success)
            #expect(!fixture.createHash(handle, CALG_MD5).ok)
            #expect(fixture.thread.lastError == .invalidParameter)
        }
    }

    @Test("CryptCreateHash: SHA-2 only on PROV_RSA_AES; flags NTE_BAD_FLAGS; a stale hKey ERROR_INVALID_PARAMETER")
    func createHash() {
        let fixture = Fixture()
        let base = fixture.verifyContext(type: PROV_RSA_FULL)
        let aes = fixture.verifyContext(type: PROV_RSA_AES)
        #expect(fixture.createHash(base, CALG_SHA1).ok)
        #expect(!fixture.createHash(base, CALG_SHA_256).ok)
        #expect(fixture.thread.lastError == .badAlgorithm)
        #expect(!fixture.createHash(aes, CALG_RC4).ok)
        #expect(fixture.thread.lastError == .badAlgorithm)
        #expect(!fixture.createHash(aes, CALG_SHA_256, flags: 1).ok)
        #expect(fixture.thread.lastError == .badFlags)
        let key = fixture.genKey(aes, CALG_RC4).handle
        #expect(fixture.createHash(aes, CALG_MD5, key: key).ok)
        #expect(fixture.thread.destroyKey(key))
        #expect(!fixture.createHash(aes, CALG_MD5, key: key).ok)
        #expect(fixture.thread.lastError == .invalidParameter)
    }

    @Test("CryptHashData appends; after the value is read the hash is finished: NTE_BAD_HASH_STATE")
    func hashData() throws {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let hash = fixture.createHash(prov, CALG_SHA_256).handle
        #expect(fixture.thread.hashData(hash, Array("a".utf8), flags: 0))
        #expect(fixture.thread.hashData(hash, Array("bc".utf8), flags: CRYPT_USERDATA))
        #expect(!fixture.thread.hashData(hash, [], flags: 2))
        #expect(fixture.thread.lastError == .badFlags)
        let value = try #require(fixture.hashValue(hash))
        #expect(Hex.string(value) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(!fixture.thread.hashData(hash, [1], flags: 0))
        #expect(fixture.thread.lastError == .badHashState)
        #expect(fixture.hashValue(hash) == value)
    }

    @Test("hash values through the API equal the standard vectors (empty, \"abc\", 1 MiB of 'a')", arguments: [
        (CALG_MD5, "", "d41d8cd98f00b204e9800998ecf8427e"),
        (CALG_MD5, "abc", "900150983cd24fb0d6963f7d28e17f72"),
        (CALG_SHA1, "", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        (CALG_SHA1, "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        (CALG_SHA_256, "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (CALG_SHA_256, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (CALG_MD5, "1MiB", "7202826a7791073fe2787f0c94603278"),
        (CALG_SHA1, "1MiB", "454027d64e3b855735552d42230eea1cbd645fa0"),
        (CALG_SHA_256, "1MiB", "9bc1b2a288b26af7257a36277ae3816a7d4f16e89c1e7e77d0a5c48bad62b360"),
    ])
    func apiVectors(algid: ALG_ID, input: String, expected: String) throws {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let hash = fixture.createHash(prov, algid).handle
        let bytes = input == "1MiB" ? [UInt8](repeating: 0x61, count: 1 << 20) : Array(input.utf8)
        #expect(fixture.thread.hashData(hash, bytes, flags: 0))
        #expect(Hex.string(try #require(fixture.hashValue(hash))) == expected)
    }

    @Test("CryptGetHashParam: HP_ALGID, HP_HASHSIZE, and the ERROR_MORE_DATA size protocol")
    func getHashParam() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let hash = fixture.createHash(prov, CALG_SHA_256).handle
        let data = OutParameter<[UInt8]>([])
        let length = OutParameter<DWORD>(4)
        #expect(fixture.thread.getHashParam(hash, param: HP_ALGID, data, length, flags: 0))
        #expect(data.value == [0x0C, 0x80, 0, 0])
        #expect(fixture.thread.getHashParam(hash, param: HP_HASHSIZE, data, length, flags: 0))
        #expect(data.value == [32, 0, 0, 0])
        length.value = 0
        #expect(fixture.thread.getHashParam(hash, param: HP_HASHVAL, nil, length, flags: 0))
        #expect(length.value == 32)
        length.value = 31
        data.value = []
        #expect(!fixture.thread.getHashParam(hash, param: HP_HASHVAL, data, length, flags: 0))
        #expect(fixture.thread.lastError == .moreData)
        #expect(length.value == 32)
        #expect(data.value.isEmpty)
        #expect(fixture.thread.getHashParam(hash, param: HP_HASHVAL, data, length, flags: 0))
        #expect(data.value.count == 32)
        #expect(!fixture.thread.getHashParam(hash, param: 3, data, length, flags: 0))
        #expect(fixture.thread.lastError == .badType)
        #expect(!fixture.thread.getHashParam(hash, param: HP_HASHVAL, data, length, flags: 1))
        #expect(fixture.thread.lastError == .badFlags)
        #expect(!fixture.thread.getHashParam(hash, param: HP_HASHVAL, data, nil, flags: 0))
        #expect(fixture.thread.lastError == .invalidParameter)
    }

    @Test("asking only for HP_HASHVAL's size also finishes the hash")
    func sizeQueryFinishes() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let hash = fixture.createHash(prov, CALG_MD5).handle
        #expect(fixture.thread.getHashParam(hash, param: HP_HASHVAL, nil, OutParameter(0), flags: 0))
        #expect(!fixture.thread.hashData(hash, [1], flags: 0))
        #expect(fixture.thread.lastError == .badHashState)
    }

    @Test("CryptDestroyKey and CryptDestroyHash: TRUE once, then ERROR_INVALID_PARAMETER")
    func destroyOnce() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_RC4).handle
        let hash = fixture.createHash(prov, CALG_MD5).handle
        #expect(fixture.thread.destroyKey(key))
        #expect(!fixture.thread.destroyKey(key))
        #expect(fixture.thread.lastError == .invalidParameter)
        #expect(fixture.thread.destroyHash(hash))
        #expect(!fixture.thread.destroyHash(hash))
        #expect(fixture.thread.lastError == .invalidParameter)
        #expect(!fixture.thread.destroyKey(opaque(raw(hash))))
        #expect(!fixture.thread.destroyHash(opaque(raw(prov))))
        #expect(!fixture.thread.destroyKey(nil))
        #expect(fixture.live == 1)
    }
}
