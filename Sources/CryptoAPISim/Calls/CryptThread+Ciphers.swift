import ContextCore

extension CryptThread {
    /// Encrypts data in place with a session key, optionally hashing the plaintext first. The
    /// corresponding Windows function is `CryptEncrypt`.
    ///
    /// `pbData` holds the plaintext (its first `*pdwDataLen` bytes) and receives the ciphertext;
    /// `bufferLength` is `dwBufLen`, the room in the buffer. A NULL `pbData` asks only for the size
    /// the result needs. AES runs in CBC mode with a zero IV, the chain carried from call to call;
    /// the final call adds PKCS#5 padding and resets the key. A non-final AES call needs whole
    /// blocks (`NTE_BAD_LEN`); too small a buffer gives `ERROR_MORE_DATA` and the size needed. Key
    /// pairs are not modelled as ciphers: `NTE_BAD_KEY`.
    public func encrypt(
        _ hKey: HCRYPTKEY?, _ hHash: HCRYPTHASH?, final: Bool, flags: DWORD, _ pbData: OutParameter<[UInt8]>?,
        _ pdwDataLen: OutParameter<DWORD>?, bufferLength: DWORD
    ) -> Bool {
        guard let (_, owner, payload) = key(hKey), let pdwDataLen else { return fail(.invalidParameter) }
        let hash = hHash == nil ? nil : hashObject(hHash)?.hash
        guard hHash == nil || hash != nil else { return fail(.invalidParameter) }
        return inside(owner) {
            guard flags == 0 else { return fail(.badFlags) }
            guard let key = payload as? SessionKey else { return fail(.badKey) }
            let length = Int(pdwDataLen.value)
            guard let pbData else {
                pdwDataLen.value = DWORD(truncatingIfNeeded: key.encryptedLength(of: length, final: final))
                return true
            }
            let buffer = pbData.value
            guard length <= buffer.count else { return fail(.invalidParameter) }
            let input = Array(buffer.prefix(length))
            if key.algorithm.isAES, !final, length % AESCBC.blockSize != 0 { return fail(.badLength) }
            let needed = key.encryptedLength(of: length, final: final)
            guard needed <= Int(bufferLength) else {
                pdwDataLen.value = DWORD(truncatingIfNeeded: needed)
                return fail(.moreData)
            }
            if let hash, !hash.append(input[...]) { return fail(.badHashState) }
            switch key.encrypt(input, final: final) {
            case .success(let output):
                pbData.value = output
                pdwDataLen.value = DWORD(truncatingIfNeeded: output.count)
                return true
            case .failure(let error):
                return fail(error)
            }
        }
    }

    /// Decrypts data in place with a session key, optionally hashing the plaintext. The
    /// corresponding Windows function is `CryptDecrypt`.
    ///
    /// `pbData` holds the ciphertext (its first `*pdwDataLen` bytes) and receives the plaintext.
    /// AES needs whole blocks (`NTE_BAD_LEN`); the final call checks and strips the padding
    /// (`NTE_BAD_DATA` when it is wrong) and resets the key.
    public func decrypt(
        _ hKey: HCRYPTKEY?, _ hHash: HCRYPTHASH?, final: Bool, flags: DWORD, _ pbData: OutParameter<[UInt8]>?,
        _ pdwDataLen: OutParameter<DWORD>?
    ) -> Bool {
        guard let (_, owner, payload) = key(hKey), let pbData, let pdwDataLen else {
            return fail(.invalidParameter)
        }
        let hash = hHash == nil ? nil : hashObject(hHash)?.hash
        guard hHash == nil || hash != nil else { return fail(.invalidParameter) }
        return inside(owner) {
            guard flags == 0 else { return fail(.badFlags) }
            guard let key = payload as? SessionKey else { return fail(.badKey) }
            let length = Int(pdwDataLen.value)
            let buffer = pbData.value
            guard length <= buffer.count else { return fail(.invalidParameter) }
            switch key.decrypt(Array(buffer.prefix(length)), final: final) {
            case .success(let output):
                if let hash, !hash.append(output[...]) { return fail(.badHashState) }
                pbData.value = output
                pdwDataLen.value = DWORD(truncatingIfNeeded: output.count)
                return true
            case .failure(let error):
                return fail(error)
            }
        }
    }
}
