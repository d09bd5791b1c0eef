import ContextCore
import CryptoAPISim
import Testing

@Suite("CryptEncrypt and CryptDecrypt")
struct CipherCallTests {
    @Test("RC4: round trip; a final call resets the stream, a non-final one continues it")
    func rc4() throws {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_RC4).handle
        let plain = Array("attack at dawn".utf8)
        let once = try #require(fixture.encrypt(key, plain))
        #expect(fixture.encrypt(key, plain) == once)
        let first = try #require(fixture.encrypt(key, plain, final: false))
        #expect(first == once)
        #expect(fixture.encrypt(key, plain, final: false) != once)
        _ = fixture.encrypt(key, [], final: true)
        #expect(fixture.decrypt(key, once) == plain)
    }

    @Test("AES: the final call pads to whole blocks; decrypt strips the padding")
    func aesRoundTrip() throws {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_AES_256).handle
        for count in [0, 1, 15, 16, 17, 100] {
            let plain = (0..<count).map { UInt8($0 % 251) }
            let cipher = try #require(fixture.encrypt(key, plain))
            #expect(cipher.count == (count / 16 + 1) * 16)
            #expect(fixture.decrypt(key, cipher) == plain)
        }
    }

    @Test("AES: non-final calls chain over whole blocks like one call")
    func aesChaining() throws {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_AES_128).handle
        let plain = (0..<40).map { UInt8($0) }
        let whole = try #require(fixture.encrypt(key, plain))
        let head = try #require(fixture.encrypt(key, Array(plain[0..<32]), final: false))
        let tail = try #require(fixture.encrypt(key, Array(plain[32...])))
        #expect(head + tail == whole)
    }

    @Test("AES: a non-final partial block is NTE_BAD_LEN; so is decrypting a partial block or nothing")
    func aesLengths() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_AES_128).handle
        #expect(fixture.encrypt(key, [1, 2, 3], final: false) == nil)
        #expect(fixture.thread.lastError == .badLength)
        #expect(fixture.decrypt(key, [UInt8](repeating: 0, count: 17)) == nil)
        #expect(fixture.thread.lastError == .badLength)
        #expect(fixture.decrypt(key, []) == nil)
        #expect(fixture.thread.lastError == .badLength)
    }

    @Test("AES: wrong padding after decryption is NTE_BAD_DATA, and the key is reset")
    func badPadding() throws {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_AES_128).handle
        let cipher = try #require(fixture.encrypt(key, Array("hello".utf8)))
        var damaged = cipher
        damaged[damaged.count - 1] ^= 0xFF
        #expect(fixture.decrypt(key, damaged) == nil)
        #expect(fixture.thread.lastError == .badData)
        #expect(fixture.decrypt(key, cipher) == Array("hello".utf8))
    }

    @Test("too small a buffer is ERROR_MORE_DATA with the size needed; a NULL buffer asks for the size")
    func sizeProtocol() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_AES_128).handle
        let data = OutParameter<[UInt8]>(Array("hello".utf8))
        let length = OutParameter<DWORD>(5)
        #expect(!fixture.thread.encrypt(key, nil, final: true, flags: 0, data, length, bufferLength: 15))
        #expect(fixture.thread.lastError == .moreData)
        #expect(length.value == 16)
        #expect(data.value == Array("hello".utf8))
        length.value = 5
        #expect(fixture.thread.encrypt(key, nil, final: true, flags: 0, nil, length, bufferLength: 0))
        #expect(length.value == 16)
        length.value = 5
        #expect(fixture.thread.encrypt(key, nil, final: true, flags: 0, data, length, bufferLength: 16))
        #expect(data.value.count == 16)
    }

    @Test("flags are NTE_BAD_FLAGS; NULL pointers and bad handles ERROR_INVALID_PARAMETER")
    func checks() {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_RC4).handle
        let data = OutParameter<[UInt8]>([1, 2])
        let length = OutParameter<DWORD>(2)
        #expect(!fixture.thread.encrypt(key, nil, final: true, flags: 1, data, length, bufferLength: 2))
        #expect(fixture.thread.lastError == .badFlags)
        #expect(!fixture.thread.decrypt(key, nil, final: true, flags: 1, data, length))
        #expect(fixture.thread.lastError == .badFlags)
        #expect(!fixture.thread.encrypt(key, nil, final: true, flags: 0, data, nil, bufferLength: 2))
        #expect(fixture.thread.lastError == .invalidParameter)
        #expect(!fixture.thread.decrypt(key, nil, final: true, flags: 0, nil, length))
        #expect(fixture.thread.lastError == .invalidParameter)
        #expect(!fixture.thread.encrypt(key, HCRYPTHASH(rawValue: 0xBAD), final: true, flags: 0, data, length, bufferLength: 2))
        #expect(fixture.thread.lastError == .invalidParameter)
        #expect(!fixture.thread.encrypt(prov.map { HCRYPTKEY($0.handle) }, nil, final: true, flags: 0, data, length, bufferLength: 2))
        #expect(fixture.thread.lastError == .invalidParameter)
    }

    @Test("a hash given to CryptEncrypt/CryptDecrypt hashes the plaintext")
    func hashingWhileCiphering() throws {
        let fixture = Fixture()
        let prov = fixture.verifyContext()
        let key = fixture.genKey(prov, CALG_AES_128).handle
        let encryptHash = fixture.createHash(prov, CALG_SHA_256).handle
        let decryptHash = fixture.createHash(prov, CALG_SHA_256).handle
        let cipher = try #require(fixture.encrypt(key, Array("abc".utf8), hash: encryptHash))
        #expect(fixture.decrypt(key, cipher, hash: decryptHash) == Array("abc".utf8))
        let expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(Hex.string(try #require(fixture.hashValue(encryptHash))) == expected)
        #expect(Hex.string(try #require(fixture.hashValue(decryptHash))) == expected)
        #expect(fixture.encrypt(key, [1], hash: encryptHash) == nil)
        #expect(fixture.thread.lastError == .badHashState)
    }
}
