import CryptoAPISim
import Testing

@Suite("CryptDeriveKey and CryptHashSessionKey against the documentation's samples")
struct DeriveKeyTests {
    static let counting = (0..<32).map { UInt8($0) }

    /// A context of `type` and a hash of `text` with `algid`.
    static func hashed(_ fixture: Fixture, _ text: String, _ algid: ALG_ID, type: DWORD = PROV_RSA_AES)
        -> (prov: HCRYPTPROV?, hash: HCRYPTHASH?)
    {
        let prov = fixture.verifyContext(type: type)
        let hash = fixture.createHash(prov, algid).handle
        _ = fixture.thread.hashData(hash, Array(text.utf8), flags: 0)
        return (prov, hash)
    }

    @Test("Key Derivation Sample (Base provider): MD5 of \"1134-kelp\", 40-bit RC4 key, zero salt")
    func keyDerivationSample() throws {
        let fixture = Fixture()
        let (prov, hash) = Self.hashed(fixture, "1134-kelp", CALG_MD5, type: PROV_RSA_FULL)
        let key = fixture.deriveKey(prov, CALG_RC4, from: hash)
        #expect(key.ok)
        #expect(Hex.string(try #require(fixture.hashValue(hash))) == "7340e6e274b8ea399395aa29d638b52a")
        let cipher = try #require(fixture.encrypt(key.handle, Self.counting))
        #expect(Hex.string(cipher) == "2659de2444fa369c110cbb9db6a2bd24042ee3ba7276f3278dd5b42f56cff8c9")
        #expect(fixture.decrypt(key.handle, cipher) == Self.counting)
    }

    @Test("Key Derivation Sample with CRYPT_CREATE_SALT: the 11 hash bytes after the key are the salt")
    func keyDerivationSampleWithSalt() throws {
        let fixture = Fixture()
        let (prov, hash) = Self.hashed(fixture, "1134-kelp", CALG_MD5, type: PROV_RSA_FULL)
        let key = fixture.deriveKey(prov, CALG_RC4, from: hash, flags: CRYPT_CREATE_SALT)
        let cipher = try #require(fixture.encrypt(key.handle, Self.counting))
        #expect(Hex.string(cipher) == "47f45de2cc3b871b95bcfc39fb86d305daa291fb80f12a22c3b9ec91dd9faf50")
    }

    @Test("CRYPT_NO_SALT gives a 40-bit key no salt")
    func noSalt() throws {
        let fixture = Fixture()
        let (prov, hash) = Self.hashed(fixture, "1134-kelp", CALG_MD5, type: PROV_RSA_FULL)
        let key = fixture.deriveKey(prov, CALG_RC4, from: hash, flags: CRYPT_NO_SALT)
        var reference = RC4(key: Hex.bytes("7340e6e274"))
        #expect(fixture.encrypt(key.handle, Self.counting) == reference.apply(Self.counting))
    }

    @Test("AES-128 from SHA-1 uses the 0x36/0x5C construction (a key Windows derived from \"my_key\")")
    func aesFromSHA1() throws {
        let fixture = Fixture()
        let (prov, hash) = Self.hashed(fixture, "my_key", CALG_SHA1)
        let key = fixture.deriveKey(prov, CALG_AES_128, from: hash)
        #expect(key.ok)
        let block = Hex.bytes("00112233445566778899aabbccddeeff")
        var reference = try #require(AESCBC(key: Hex.bytes("13606b772b52b5f83be4ff04572eb8ac")))
        let expected = try reference.encryptBlocks(block + AESCBC.padding(forLength: 16))
        #expect(fixture.encrypt(key.handle, block) == expected)
    }

    @Test("AES keys from MD5 and SHA-1 use the construction; from SHA-256 the first bytes of the value", arguments: [
        (CALG_MD5, CALG_AES_128, "73b670442a1e8f3a15672dfd92e2b4df"),
        (CALG_SHA1, CALG_AES_128, "c02856bf09ed275d15bb31e229f5d839"),
        (CALG_SHA1, CALG_AES_256, "a63c602def170bad8ebbdc623fdeeb92"),
        (CALG_SHA_256, CALG_AES_128, "12711c29d17cbe692eb0fa9b08a5d975"),
        (CALG_SHA_256, CALG_AES_256, "7200956124016c09d44609276dc4102b"),
    ])
    func aesDerivations(hashAlgid: ALG_ID, keyAlgid: ALG_ID, cipherOfABC: String) throws {
        let fixture = Fixture()
        let (prov, hash) = Self.hashed(fixture, "password", hashAlgid)
        let key = fixture.deriveKey(prov, keyAlgid, from: hash)
        #expect(Hex.string(try #require(fixture.encrypt(key.handle, Array("abc".utf8)))) == cipherOfABC)
    }

    @Test("a key longer than the hash uses the construction (KeyDerivation)")
    func longerThanHash() {
        let value = HashAlgorithm.sha256.digest(Array("x".utf8))
        #expect(!KeyDerivation.usesPaddedConstruction(algorithm: .sha256, hashLength: 32, length: 32, cipher: .aes256))
        #expect(KeyDerivation.usesPaddedConstruction(algorithm: .sha256, hashLength: 32, length: 33, cipher: .rc4))
        #expect(!KeyDerivation.usesPaddedConstruction(algorithm: .md5, hashLength: 16, length: 16, cipher: .rc4))
        let material = KeyDerivation.material(from: value, algorithm: .sha256, length: 40, cipher: .rc4)
        #expect(material == Array(KeyDerivation.paddedConstruction(value, algorithm: .sha256).prefix(40)))
    }

    @Test("CryptDeriveKey finishes the hash and checks handles, algorithm and length")
    func deriveChecks() {
        let fixture = Fixture()
        let (prov, hash) = Self.hashed(fixture, "x", CALG_SHA1, type: PROV_RSA_FULL)
        #expect(!fixture.deriveKey(prov, CALG_AES_128, from: hash).ok)
        #expect(fixture.thread.lastError == .badAlgorithm)
        #expect(!fixture.deriveKey(prov, CALG_RC4, from: hash, flags: 128 << 16).ok)
        #expect(fixture.thread.lastError == .badFlags)
        #expect(!fixture.deriveKey(prov, CALG_RC4, from: nil).ok)
        #expect(fixture.thread.lastError == .invalidParameter)
        #expect(!fixture.thread.deriveKey(prov, algid: CALG_RC4, hash, flags: 0, nil))
        #expect(fixture.thread.lastError == .invalidParameter)
        #expect(fixture.deriveKey(prov, CALG_RC4, from: hash).ok)
        #expect(!fixture.thread.hashData(hash, [1], flags: 0))
        #expect(fixture.thread.lastError == .badHashState)
    }

    @Test("Hashing Session Keys sample: the key bytes are hashed big-endian (reversed) unless CRYPT_LITTLE_ENDIAN")
    func hashSessionKey() throws {
        #expect(Hex.string(HashAlgorithm.md5.digest(Hex.bytes("3777ee3a4a"))) == "0b15550aa003f93f7582f7e79132bc8c")
        #expect(Hex.string(HashAlgorithm.sha1.digest(Hex.bytes("3777ee3a4a")))
            == "3c37729353ff2a4fef1254185b3ac46303fd075d")
        let fixture = Fixture()
        let (prov, base) = Self.hashed(fixture, "1134-kelp", CALG_MD5, type: PROV_RSA_FULL)
        let key = fixture.deriveKey(prov, CALG_RC4, from: base).handle
        let bigEndian = fixture.createHash(prov, CALG_MD5).handle
        let littleEndian = fixture.createHash(prov, CALG_MD5).handle
        #expect(fixture.thread.hashSessionKey(bigEndian, key, flags: 0))
        #expect(fixture.thread.hashSessionKey(littleEndian, key, flags: CRYPT_LITTLE_ENDIAN))
        #expect(try #require(fixture.hashValue(bigEndian)) == HashAlgorithm.md5.digest(Hex.bytes("74e2e64073")))
        #expect(try #require(fixture.hashValue(littleEndian)) == HashAlgorithm.md5.digest(Hex.bytes("7340e6e274")))
        #expect(!fixture.thread.hashSessionKey(bigEndian, key, flags: 0))
        #expect(fixture.thread.lastError == .badHashState)
        let fresh = fixture.createHash(prov, CALG_MD5).handle
        #expect(!fixture.thread.hashSessionKey(fresh, key, flags: 2))
        #expect(fixture.thread.lastError == .badFlags)
        #expect(!fixture.thread.hashSessionKey(fresh, nil, flags: 0))
        #expect(fixture.thread.lastError == .invalidParameter)
    }
}
