import ContextCore

extension CryptThread {
    /// Generates a random session key, or a key pair of the context's container, as a child of the
    /// context. The corresponding Windows function is `CryptGenKey`.
    ///
    /// `AT_KEYEXCHANGE`/`CALG_RSA_KEYX` and `AT_SIGNATURE`/`CALG_RSA_SIGN` make an RSA pair (see
    /// ``getUserKey(_:keySpec:_:)``).
    /// `CALG_RC4` on every provider, `CALG_AES_128/192/256` on `PROV_RSA_AES` only (else
    /// `NTE_BAD_ALGID`); the key length in bits is the high 16 bits of `flags` (0: the provider's
    /// default; not allowed: `NTE_BAD_FLAGS`). A 40-bit RC4 key gets 11 zero bytes of salt unless
    /// `CRYPT_NO_SALT` (`CRYPT_CREATE_SALT`: random salt).
    public func genKey(_ hProv: HCRYPTPROV?, algid: ALG_ID, flags: DWORD, _ phKey: OutParameter<HCRYPTKEY?>?) -> Bool {
        guard let (handle, context) = context(hProv), let phKey else { return fail(.invalidParameter) }
        if let spec = KeySpec(algid: algid) {
            return inside(handle) { genKeyPair(spec, flags: flags, context: context, handle: handle, into: phKey) }
        }
        return inside(handle) {
            guard let cipher = CipherAlgorithm(algid: algid), context.provider.ciphers.contains(cipher) else {
                return fail(.badAlgorithm)
            }
            guard let length = context.provider.keyLength(for: cipher, flags: flags) else { return fail(.badFlags) }
            let saltLength = Self.saltLength(cipher, keyLength: length, flags: flags)
            let salt = flags & CRYPT_CREATE_SALT != 0 ? Self.randomBytes(saltLength) : [UInt8](repeating: 0, count: saltLength)
            return makeKey(
                SessionKey(algorithm: cipher, keyBytes: Self.randomBytes(length), salt: salt,
                           exportable: flags & CRYPT_EXPORTABLE != 0),
                owner: handle, into: phKey)
        }
    }

    /// Derives a session key from a hash's value (finishing the hash) as a child of the context.
    /// The corresponding Windows function is `CryptDeriveKey`.
    ///
    /// The key material follows ``KeyDerivation``; algorithm and length are checked as for
    /// ``genKey(_:algid:flags:_:)``. With `CRYPT_CREATE_SALT` an RC4 key's salt is the hash bytes
    /// after the key; otherwise a 40-bit key's salt is 11 zero bytes (none with `CRYPT_NO_SALT`).
    public func deriveKey(
        _ hProv: HCRYPTPROV?, algid: ALG_ID, _ hBaseData: HCRYPTHASH?, flags: DWORD, _ phKey: OutParameter<HCRYPTKEY?>?
    ) -> Bool {
        guard let (handle, context) = context(hProv), let (_, _, hash) = hashObject(hBaseData), let phKey else {
            return fail(.invalidParameter)
        }
        return inside(handle) {
            guard let cipher = CipherAlgorithm(algid: algid), context.provider.ciphers.contains(cipher) else {
                return fail(.badAlgorithm)
            }
            guard let length = context.provider.keyLength(for: cipher, flags: flags) else { return fail(.badFlags) }
            let value = hash.value()
            let material = KeyDerivation.material(from: value, algorithm: hash.algorithm, length: length, cipher: cipher)
            let saltLength = Self.saltLength(cipher, keyLength: length, flags: flags)
            var salt = [UInt8](repeating: 0, count: saltLength)
            let padded = KeyDerivation.usesPaddedConstruction(
                algorithm: hash.algorithm, hashLength: value.count, length: length, cipher: cipher)
            if flags & CRYPT_CREATE_SALT != 0, !padded {
                for (index, byte) in value.dropFirst(length).prefix(saltLength).enumerated() {
                    salt[index] = byte
                }
            }
            return makeKey(
                SessionKey(algorithm: cipher, keyBytes: material, salt: salt, exportable: flags & CRYPT_EXPORTABLE != 0),
                owner: handle, into: phKey)
        }
    }

    /// Destroys a key handle. The corresponding Windows function is `CryptDestroyKey`.
    ///
    /// TRUE once; a NULL, unknown or already destroyed handle (also one destroyed with its
    /// context) gives `ERROR_INVALID_PARAMETER`.
    public func destroyKey(_ hKey: HCRYPTKEY?) -> Bool {
        guard let (handle, _, _) = key(hKey) else { return fail(.invalidParameter) }
        do {
            try simulator.table.free(handle, expecting: CryptSimulator.keyKind)
            return true
        } catch {
            return fail(.invalidParameter)
        }
    }

    /// The salt length of a new RC4 key: 16 minus the key length for a 40-bit key (unless
    /// `CRYPT_NO_SALT`) or with `CRYPT_CREATE_SALT`; otherwise none.
    static func saltLength(_ cipher: CipherAlgorithm, keyLength: Int, flags: DWORD) -> Int {
        guard cipher == .rc4 else { return 0 }
        let wanted = flags & CRYPT_CREATE_SALT != 0 || (keyLength == 5 && flags & CRYPT_NO_SALT == 0)
        return wanted ? max(0, 16 - keyLength) : 0
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    private func makeKey(_ key: SessionKey?, owner: Handle, into phKey: OutParameter<HCRYPTKEY?>) -> Bool {
        guard let key else { return fail(.failure) }
        let label = CryptConstantNames.algorithmName(key.algorithm.algid) + " \(key.bits)-bit"
        do {
            let handle = try simulator.table.allocate(CryptSimulator.keyKind, owner: owner, label: label, payload: key)
            phKey.value = HCRYPTKEY(handle)
            return true
        } catch {
            return fail(.invalidParameter)
        }
    }
}
