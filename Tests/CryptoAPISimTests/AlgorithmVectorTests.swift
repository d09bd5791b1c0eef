import CryptoAPISim
import Testing

@Suite("Algorithms against their standard test vectors")
struct AlgorithmVectorTests {
    static let megabyteOfA = [UInt8](repeating: 0x61, count: 1 << 20)

    @Test("MD5, SHA-1 and SHA-2 of the empty string, \"abc\" and 1 MiB of 'a'")
    func hashVectors() {
        let cases: [(HashAlgorithm, [UInt8], String)] = [
            (.md5, [], "d41d8cd98f00b204e9800998ecf8427e"),
            (.md5, Array("abc".utf8), "900150983cd24fb0d6963f7d28e17f72"),
            (.md5, Self.megabyteOfA, "7202826a7791073fe2787f0c94603278"),
            (.sha1, [], "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            (.sha1, Array("abc".utf8), "a9993e364706816aba3e25717850c26c9cd0d89d"),
            (.sha1, Self.megabyteOfA, "454027d64e3b855735552d42230eea1cbd645fa0"),
            (.sha256, [], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (.sha256, Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (.sha256, Self.megabyteOfA, "9bc1b2a288b26af7257a36277ae3816a7d4f16e89c1e7e77d0a5c48bad62b360"),
            (.sha384, Array("abc".utf8),
             "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
            (.sha512, Array("abc".utf8),
             "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
        ]
        for (algorithm, input, expected) in cases {
            #expect(Hex.string(algorithm.digest(input)) == expected, "\(algorithm) of \(input.count) bytes")
        }
    }

    @Test("a digest fed in pieces equals the one-step digest")
    func incrementalDigest() {
        var running = RunningDigest(.sha256)
        let data = Self.megabyteOfA
        var offset = 0
        for size in [1, 63, 64, 65, 4096, 100_000] {
            running.update(data[offset..<offset + size])
            offset += size
        }
        running.update(data[offset...])
        #expect(running.finalize() == HashAlgorithm.sha256.digest(data))
    }

    @Test("RC4 keystream equals RFC 6229 at offsets 0, 16 and 4096", arguments: [
        ("0102030405", "b2396305f03dc027ccc3524a0a1118a8", "6982944f18fc82d589c403a47a0d0919",
         "ff25b58995996707e51fbdf08b34d875"),
        ("833222772a", "80ad97bdc973df8a2e879e92a497efda", "20f060c2f2e5126501d3d4fea10d5fc0",
         "bf42c3018c2f7c66bfde524975768115"),
        ("0102030405060708090a0b0c0d0e0f10", "9ac7cc9a609d1ef7b2932899cde41b97", "5248c4959014126a6e8a84f11d1a9e1c",
         "a36a4c301ae8ac13610ccbc12256cacc"),
    ])
    func rc4Vectors(key: String, at0: String, at16: String, at4096: String) {
        var rc4 = RC4(key: Hex.bytes(key))
        let stream = rc4.keystream(4096 + 16)
        #expect(Hex.string(Array(stream[0..<16])) == at0)
        #expect(Hex.string(Array(stream[16..<32])) == at16)
        #expect(Hex.string(Array(stream[4096..<4112])) == at4096)
    }

    @Test("RC4 decrypts what it encrypted")
    func rc4RoundTrip() {
        let plain = Array("The quick brown fox".utf8)
        var encryptor = RC4(key: Array("key".utf8))
        var decryptor = RC4(key: Array("key".utf8))
        #expect(decryptor.apply(encryptor.apply(plain)) == plain)
    }

    @Test("AES block function equals FIPS-197 appendix C", arguments: [
        ("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a"),
        ("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191"),
        ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089"),
    ])
    func aesBlockVectors(key: String, cipher: String) throws {
        let aes = try #require(AESCBC(key: Hex.bytes(key)))
        let plain = Hex.bytes("00112233445566778899aabbccddeeff")
        #expect(Hex.string(try aes.encryptBlock(plain)) == cipher)
        #expect(try aes.decryptBlock(Hex.bytes(cipher)) == plain)
    }

    static let sp800Plain = """
        6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
        30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710
        """

    @Test("AES-CBC equals NIST SP 800-38A F.2.1 and F.2.5, also split over calls", arguments: [
        ("2b7e151628aed2a6abf7158809cf4f3c",
         "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7"),
        ("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
         "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b"),
    ])
    func cbcVectors(key: String, cipher: String) throws {
        let iv = Hex.bytes("000102030405060708090a0b0c0d0e0f")
        let plain = Hex.bytes(Self.sp800Plain)
        var whole = try #require(AESCBC(key: Hex.bytes(key), iv: iv))
        #expect(Hex.string(try whole.encryptBlocks(plain)) == cipher)
        var split = try #require(AESCBC(key: Hex.bytes(key), iv: iv))
        let first = try split.encryptBlocks(Array(plain[0..<32]))
        let second = try split.encryptBlocks(Array(plain[32...]))
        #expect(Hex.string(first + second) == cipher)
        var decryptor = try #require(AESCBC(key: Hex.bytes(key), iv: iv))
        #expect(try decryptor.decryptBlocks(Hex.bytes(cipher)) == plain)
    }

    @Test("PKCS#5 padding adds 1 to 16 bytes and strips only valid padding")
    func padding() {
        #expect(AESCBC.padding(forLength: 0) == [UInt8](repeating: 16, count: 16))
        #expect(AESCBC.padding(forLength: 15) == [1])
        #expect(AESCBC.padding(forLength: 16).count == 16)
        #expect(AESCBC.removePadding([9, 9, 3, 3, 3]) == [9, 9])
        #expect(AESCBC.removePadding([9, 9, 2, 3]) == nil)
        #expect(AESCBC.removePadding([1, 0]) == nil)
        #expect(AESCBC.removePadding([17]) == nil)
        #expect(AESCBC.removePadding([]) == nil)
    }

    @Test("AES rejects key sizes other than 16, 24 and 32 bytes")
    func aesKeySizes() {
        #expect(AESCBC(key: [UInt8](repeating: 0, count: 15)) == nil)
        #expect(AESCBC(key: [UInt8](repeating: 0, count: 24)) != nil)
    }
}
