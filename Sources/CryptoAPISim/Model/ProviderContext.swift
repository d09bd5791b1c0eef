/// What a context handle (HCRYPTPROV) stands for: a provider and, unless it is a verify context,
/// the key container it opened.
package struct ProviderContext: Sendable, Equatable {
    /// The provider.
    package let provider: CryptProvider
    /// The open container, or nil for a `CRYPT_VERIFYCONTEXT` context.
    package let container: ContainerID?
    /// The flags the context was acquired with.
    package let flags: DWORD
    /// The key pairs a verify context made: they live as long as the context, in no container.
    package var ephemeralPairs: [StoredKeyPair] = []

    /// A label for ledgers: `PROV_RSA_FULL "kc1"` or `PROV_RSA_AES verify`.
    package var label: String {
        let type = provider.type == PROV_RSA_AES ? "PROV_RSA_AES" : "PROV_RSA_FULL"
        guard let container else { return "\(type) verify" }
        return "\(type) \"\(container.name)\"" + (container.machine ? " machine" : "")
    }
}
