import ContextCore

extension CryptThread {
    /// The flags `CryptAcquireContext` knows.
    static let acquireFlags = CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET | CRYPT_DELETEKEYSET
        | CRYPT_MACHINE_KEYSET | CRYPT_SILENT

    /// Acquires a context for a key container of a provider, creates a container, or deletes one.
    /// The corresponding Windows function is `CryptAcquireContext`.
    ///
    /// Checked in the order Windows' rsaenh shows: a NULL `phProv`, then the type (0 or above 999:
    /// `NTE_BAD_PROV_TYPE`; none installed: `NTE_PROV_TYPE_NOT_DEF`), the provider name (unknown:
    /// `NTE_KEYSET_NOT_DEF`; of another type: `NTE_PROV_TYPE_NO_MATCH`), the flags
    /// (`NTE_BAD_FLAGS`), then the container (`NTE_EXISTS`, `NTE_BAD_KEYSET`). A NULL or empty
    /// container name means the default container, named after the user.
    ///
    /// - Parameters:
    ///   - phProv: receives the new context; 0 after `CRYPT_DELETEKEYSET`.
    ///   - container: the container's name, or nil.
    ///   - provider: the provider's name, or nil for the type's default provider.
    ///   - type: the provider type.
    ///   - flags: `CRYPT_VERIFYCONTEXT`, `CRYPT_NEWKEYSET`, `CRYPT_DELETEKEYSET`,
    ///     `CRYPT_MACHINE_KEYSET`, `CRYPT_SILENT`.
    public func acquireContext(
        _ phProv: OutParameter<HCRYPTPROV?>?, container: String?, provider: String?, type: DWORD, flags: DWORD
    ) -> Bool {
        guard let phProv else { return fail(.invalidParameter) }
        guard type != 0, type <= 999 else { return fail(.badProviderType) }
        guard let standard = CryptProvider.standard(forType: type) else { return fail(.providerTypeNotDefined) }
        var chosen = standard
        if let provider {
            guard let named = CryptProvider.named(provider) else { return fail(.keysetNotDefined) }
            guard named.type == type else { return fail(.providerTypeNoMatch) }
            chosen = named
        }
        let verify = flags & CRYPT_VERIFYCONTEXT == CRYPT_VERIFYCONTEXT
        let create = flags & CRYPT_NEWKEYSET != 0
        let delete = flags & CRYPT_DELETEKEYSET != 0
        let hasName = !(container ?? "").isEmpty
        guard flags & ~Self.acquireFlags == 0, flags & CRYPT_VERIFYCONTEXT == 0 || verify,
            !(verify && (create || delete || hasName)), !(create && delete)
        else { return fail(.badFlags) }
        if verify {
            return open(ProviderContext(provider: chosen, container: nil, flags: flags), into: phProv)
        }
        let id = ContainerID(
            provider: chosen.name, machine: flags & CRYPT_MACHINE_KEYSET != 0,
            name: hasName ? container ?? "" : simulator.userName)
        do {
            if create {
                guard try simulator.store.create(id) else { return fail(.exists) }
            } else if delete {
                guard try simulator.store.delete(id) else { return fail(.badKeyset) }
                phProv.value = nil
                return true
            } else if try simulator.store.container(id) == nil {
                return fail(.badKeyset)
            }
        } catch {
            simulator.note(error.description, thread: name)
            return fail(.failure)
        }
        return open(ProviderContext(provider: chosen, container: id, flags: flags), into: phProv)
    }

    private func open(_ context: ProviderContext, into phProv: OutParameter<HCRYPTPROV?>) -> Bool {
        do {
            let handle = try simulator.table.allocate(
                CryptSimulator.contextKind, label: context.label, payload: context)
            phProv.value = HCRYPTPROV(handle)
            return true
        } catch {
            return fail(.failure)
        }
    }

    /// Adds a reference to a context. The corresponding Windows function is `CryptContextAddRef`.
    ///
    /// NULL, unknown or released handles, a non-NULL `reserved` pointer or non-zero flags give
    /// `ERROR_INVALID_PARAMETER`.
    ///
    /// - Parameters:
    ///   - hProv: the context.
    ///   - reserved: the `pdwReserved` pointer as an address (must be 0, NULL).
    ///   - flags: must be 0.
    public func contextAddRef(_ hProv: HCRYPTPROV?, reserved: UInt64, flags: DWORD) -> Bool {
        guard reserved == 0, flags == 0, let (handle, _) = context(hProv) else { return fail(.invalidParameter) }
        do {
            try simulator.table.retain(handle, expecting: CryptSimulator.contextKind)
            return true
        } catch {
            return fail(.invalidParameter)
        }
    }

    /// Drops a reference to a context; the last one frees it and every key and hash made from it
    /// (newest first). The container and its key pairs stay. The corresponding Windows function is
    /// `CryptReleaseContext`.
    ///
    /// A bad handle changes nothing (`ERROR_INVALID_PARAMETER`; in the documented profile
    /// `NTE_BAD_UID` for NULL and `ERROR_INVALID_HANDLE` otherwise); another thread inside a call
    /// on the context gives `ERROR_BUSY` and changes nothing; non-zero flags give `NTE_BAD_FLAGS`
    /// **after** releasing.
    public func releaseContext(_ hProv: HCRYPTPROV?, flags: DWORD) -> Bool {
        guard let (handle, _) = context(hProv) else {
            switch simulator.profile {
            case .windows: return fail(.invalidParameter)
            case .documented: return fail(hProv == nil ? .badUID : .invalidHandle)
            }
        }
        if simulator.isBusy(handle, except: name) { return fail(.busy) }
        do {
            try simulator.table.release(handle, expecting: CryptSimulator.contextKind)
        } catch {
            return fail(simulator.profile == .windows ? .invalidParameter : .invalidHandle)
        }
        return flags == 0 ? true : fail(.badFlags)
    }
}
