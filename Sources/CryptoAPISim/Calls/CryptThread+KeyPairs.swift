import ContextCore

extension CryptThread {
    /// Makes an RSA key pair for the context's container (kept in the store, so it outlives the
    /// context and the run), or for a verify context (kept as long as the context).
    func genKeyPair(
        _ spec: KeySpec, flags: DWORD, context: ProviderContext, handle: Handle, into phKey: OutParameter<HCRYPTKEY?>
    ) -> Bool {
        let requested = Int(flags >> 16)
        let bits = requested == 0 ? StoredKeyPair.sizes.lowerBound : requested
        guard StoredKeyPair.isSupported(bits: bits) else { return fail(.badFlags) }
        let pair: StoredKeyPair
        do {
            pair = try StoredKeyPair.generate(spec, bits: bits, exportable: flags & CRYPT_EXPORTABLE != 0)
        } catch {
            simulator.note("RSA key generation failed: \(error)", thread: name)
            return fail(.failure)
        }
        if let container = context.container {
            do {
                try simulator.store.setKeyPair(pair, in: container)
            } catch {
                simulator.note(error.description, thread: name)
                return fail(.failure)
            }
        } else {
            var updated = context
            updated.ephemeralPairs.removeAll { $0.spec == spec }
            updated.ephemeralPairs.append(pair)
            guard (try? simulator.table.setPayload(updated, for: handle)) != nil else { return fail(.invalidParameter) }
        }
        return openKeyPair(pair, owner: handle, into: phKey)
    }

    /// Gets a handle to the key pair of the context's container. The corresponding Windows
    /// function is `CryptGetUserKey`.
    ///
    /// `AT_KEYEXCHANGE` or `AT_SIGNATURE`; a container without that pair, or another spec, is
    /// `NTE_NO_KEY`. The handle is a child of the context; destroying it, or releasing the
    /// context, leaves the pair in the container.
    public func getUserKey(_ hProv: HCRYPTPROV?, keySpec: DWORD, _ phUserKey: OutParameter<HCRYPTKEY?>?) -> Bool {
        guard let (handle, context) = context(hProv), let phUserKey else { return fail(.invalidParameter) }
        return inside(handle) {
            guard keySpec == AT_KEYEXCHANGE || keySpec == AT_SIGNATURE, let spec = KeySpec(algid: keySpec) else {
                return fail(.noKey)
            }
            let stored: StoredKeyPair?
            if let container = context.container {
                do {
                    stored = try simulator.store.container(container)?.keyPair(spec)
                } catch {
                    simulator.note("\(error)", thread: name)
                    return fail(.failure)
                }
            } else {
                stored = context.ephemeralPairs.first { $0.spec == spec }
            }
            guard let stored else { return fail(.noKey) }
            guard stored.publicKey() != nil else {
                simulator.note("the \(spec.cName) pair of the container is damaged", thread: name)
                return fail(.failure)
            }
            return openKeyPair(stored, owner: handle, into: phUserKey)
        }
    }

    private func openKeyPair(_ pair: StoredKeyPair, owner: Handle, into phKey: OutParameter<HCRYPTKEY?>) -> Bool {
        do {
            let key = try simulator.table.allocate(
                CryptSimulator.keyKind, owner: owner, label: "\(pair.spec.cName) RSA \(pair.bits)-bit",
                payload: KeyPairHandle(pair: pair))
            phKey.value = HCRYPTKEY(key)
            return true
        } catch {
            return fail(.invalidParameter)
        }
    }
}
