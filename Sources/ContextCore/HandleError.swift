/// Why a handle could not be used.
public enum HandleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The handle was never issued by this table.
    case unknown(Handle)
    /// The handle's resource has been freed (or queued to be freed): it is stale.
    case stale(Handle, kind: ResourceKind)
    /// The handle names a live resource of another kind than the call expects.
    case wrongKind(Handle, expected: ResourceKind, actual: ResourceKind)

    /// A one-line explanation naming the handle.
    public var description: String {
        switch self {
        case .unknown(let handle):
            return "unknown handle \(handle)"
        case .stale(let handle, let kind):
            return "stale handle \(handle): the \(kind) it named was already freed"
        case .wrongKind(let handle, let expected, let actual):
            return "handle \(handle) is a \(actual), not a \(expected)"
        }
    }
}
