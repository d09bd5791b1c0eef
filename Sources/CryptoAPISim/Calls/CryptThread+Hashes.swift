import ContextCore

extension CryptThread {
    /// Creates a hash object as a child of the context. The corresponding Windows function is
    /// `CryptCreateHash`.
    ///
    /// `CALG_MD5` and `CALG_SHA1` on every provider, the SHA-2 hashes on `PROV_RSA_AES` only (else
    /// `NTE_BAD_ALGID`). `hKey` must be 0 or a live key (these hashes take no key); flags must be 0.
    public func createHash(
        _ hProv: HCRYPTPROV?, algid: ALG_ID, _ hKey: HCRYPTKEY?, flags: DWORD, _ phHash: OutParameter<HCRYPTHASH?>?
    ) -> Bool {
        guard let (handle, context) = context(hProv), let phHash, hKey == nil || key(hKey) != nil else {
            return fail(.invalidParameter)
        }
        return inside(handle) {
            guard flags == 0 else { return fail(.badFlags) }
            guard let algorithm = HashAlgorithm(algid: algid), context.provider.hashes.contains(algorithm) else {
                return fail(.badAlgorithm)
            }
            do {
                let hash = try simulator.table.allocate(
                    CryptSimulator.hashKind, owner: handle, label: CryptConstantNames.algorithmName(algid),
                    payload: HashObject(algorithm: algorithm))
                phHash.value = HCRYPTHASH(hash)
                return true
            } catch {
                return fail(.invalidParameter)
            }
        }
    }

    /// Appends data to a hash, in chunks of ``CryptSimulator/chunkSize`` bytes. The corresponding
    /// Windows function is `CryptHashData`.
    ///
    /// A bad handle gives `ERROR_INVALID_PARAMETER`; flags other than `CRYPT_USERDATA`,
    /// `NTE_BAD_FLAGS`; a finished hash (value read), `NTE_BAD_HASH_STATE`. While it runs the
    /// thread is inside a call on the hash's context; a pause armed on the thread stops it between
    /// chunks (see ``CallPause``).
    public func hashData(_ hHash: HCRYPTHASH?, _ data: [UInt8], flags: DWORD) -> Bool {
        guard let (_, owner, hash) = hashObject(hHash) else { return fail(.invalidParameter) }
        return inside(owner) {
            guard flags & ~CRYPT_USERDATA == 0 else { return fail(.badFlags) }
            guard !hash.isFinished else { return fail(.badHashState) }
            let pause = simulator.takePause(for: name)
            var offset = 0
            var chunks = 0
            repeat {
                let end = min(data.count, offset + simulator.chunkSize)
                guard hash.append(data[offset..<end]) else { return fail(.badHashState) }
                offset = end
                chunks += 1
                if let pause, chunks == pause.afterChunks, offset < data.count {
                    pause.stop(at: "inside CryptHashData after \(offset) of \(data.count) bytes")
                }
            } while offset < data.count
            return true
        }
    }

    /// Appends a session key's bytes (without salt) to a hash, big-endian (reversed) unless
    /// `CRYPT_LITTLE_ENDIAN`. The corresponding Windows function is `CryptHashSessionKey`.
    ///
    /// A key pair is `NTE_BAD_KEY`.
    public func hashSessionKey(_ hHash: HCRYPTHASH?, _ hKey: HCRYPTKEY?, flags: DWORD) -> Bool {
        guard let (_, owner, hash) = hashObject(hHash), let (_, _, payload) = key(hKey) else {
            return fail(.invalidParameter)
        }
        return inside(owner) {
            guard let key = payload as? SessionKey else { return fail(.badKey) }
            guard flags & ~CRYPT_LITTLE_ENDIAN == 0 else { return fail(.badFlags) }
            let bytes = flags & CRYPT_LITTLE_ENDIAN != 0 ? key.keyBytes : key.keyBytes.reversed()
            return hash.append(bytes[...]) ? true : fail(.badHashState)
        }
    }

    /// Reads a hash parameter with the size protocol of the API. The corresponding Windows function
    /// is `CryptGetHashParam`.
    ///
    /// `HP_ALGID` and `HP_HASHSIZE` are 4-byte little-endian DWORDs; `HP_HASHVAL` is the value and
    /// finishes the hash (also when only its size is asked). A NULL `pbData` gives TRUE and the
    /// size in `*pdwDataLen`; a buffer smaller than `*pdwDataLen` says gives `ERROR_MORE_DATA` and
    /// the size. A NULL `pdwDataLen` or bad handle: `ERROR_INVALID_PARAMETER`; flags:
    /// `NTE_BAD_FLAGS`; another parameter: `NTE_BAD_TYPE`.
    public func getHashParam(
        _ hHash: HCRYPTHASH?, param: DWORD, _ pbData: OutParameter<[UInt8]>?, _ pdwDataLen: OutParameter<DWORD>?,
        flags: DWORD
    ) -> Bool {
        guard let (_, owner, hash) = hashObject(hHash), let pdwDataLen else { return fail(.invalidParameter) }
        return inside(owner) {
            guard flags == 0 else { return fail(.badFlags) }
            let value: [UInt8]
            switch param {
            case HP_ALGID: value = Self.littleEndian(hash.algorithm.algid)
            case HP_HASHSIZE: value = Self.littleEndian(DWORD(hash.algorithm.size))
            case HP_HASHVAL: value = hash.value()
            default: return fail(.badType)
            }
            let needed = DWORD(value.count)
            guard let pbData else {
                pdwDataLen.value = needed
                return true
            }
            guard pdwDataLen.value >= needed else {
                pdwDataLen.value = needed
                return fail(.moreData)
            }
            pbData.value = value
            pdwDataLen.value = needed
            return true
        }
    }

    /// Destroys a hash handle. The corresponding Windows function is `CryptDestroyHash`.
    ///
    /// TRUE once; a NULL, unknown or already destroyed handle (also one destroyed with its
    /// context) gives `ERROR_INVALID_PARAMETER`.
    public func destroyHash(_ hHash: HCRYPTHASH?) -> Bool {
        guard let (handle, _, _) = hashObject(hHash) else { return fail(.invalidParameter) }
        do {
            try simulator.table.free(handle, expecting: CryptSimulator.hashKind)
            return true
        } catch {
            return fail(.invalidParameter)
        }
    }

    static func littleEndian(_ value: DWORD) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
