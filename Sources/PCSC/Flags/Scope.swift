/// The scope of a resource manager context.
public enum Scope: UInt32, Sendable, CaseIterable {
    /// The user's scope. The corresponding C value is `SCARD_SCOPE_USER`.
    case user = 0
    /// The system's scope. The corresponding C value is `SCARD_SCOPE_SYSTEM`.
    case system = 2
}

extension Scope: CustomStringConvertible {
    /// `user` or `system`, as the ledger labels a context; interpolating it needs no reflection.
    public var description: String {
        switch self {
        case .user: "user"
        case .system: "system"
        }
    }
}
