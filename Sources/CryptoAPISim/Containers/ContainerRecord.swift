/// The identity of a key container: its provider, user or machine set, and name.
///
/// Names compare without regard to case, as on Windows; the name is kept as first written.
public struct ContainerID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The provider's name.
    public let provider: String
    /// Whether it is in the machine's set (`CRYPT_MACHINE_KEYSET`) rather than the user's.
    public let machine: Bool
    /// The container's name.
    public let name: String

    /// Creates an identity.
    public init(provider: String, machine: Bool, name: String) {
        self.provider = provider
        self.machine = machine
        self.name = name
    }

    /// Identities are equal when provider and set match and the names match ignoring case.
    public static func == (lhs: ContainerID, rhs: ContainerID) -> Bool {
        lhs.provider.lowercased() == rhs.provider.lowercased() && lhs.machine == rhs.machine
            && lhs.name.lowercased() == rhs.name.lowercased()
    }

    /// Hashes the case-folded identity.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(provider.lowercased())
        hasher.combine(machine)
        hasher.combine(name.lowercased())
    }

    /// `"kc1" (user, Microsoft Base Cryptographic Provider v1.0)`.
    public var description: String {
        "\"\(name)\" (\(machine ? "machine" : "user"), \(provider))"
    }
}

/// A key container as the store keeps it: its identity and its key pairs.
package struct ContainerRecord: Sendable, Codable, Equatable {
    /// The container's identity.
    package let id: ContainerID
    /// The container's key pairs, at most one of each kind.
    package var keyPairs: [StoredKeyPair]

    /// Creates a record.
    package init(id: ContainerID, keyPairs: [StoredKeyPair] = []) {
        self.id = id
        self.keyPairs = keyPairs
    }

    /// Reads a record; one written before key pairs were kept has none.
    package init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        id = try values.decode(ContainerID.self, forKey: .id)
        keyPairs = try values.decodeIfPresent([StoredKeyPair].self, forKey: .keyPairs) ?? []
    }

    /// The key pair of a kind, if the container has one.
    package func keyPair(_ spec: KeySpec) -> StoredKeyPair? {
        keyPairs.first { $0.spec == spec }
    }

    /// Puts a key pair in, replacing the one of the same kind.
    package mutating func setKeyPair(_ pair: StoredKeyPair) {
        keyPairs.removeAll { $0.spec == pair.spec }
        keyPairs.append(pair)
    }
}
