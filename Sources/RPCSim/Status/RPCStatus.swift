/// An `RPC_STATUS` code: what an RPC runtime function, or a procedure declared with `[comm_status,
/// fault_status]`, returns.
///
/// Printed as the C name and the value, `RPC_X_SS_CONTEXT_MISMATCH (6)`; a code without a name
/// prints its value alone.
public struct RPCStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The numeric code, as the C `RPC_STATUS` (a `long`) holds it.
    public let rawValue: Int32

    /// Creates a status from its numeric code.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The call succeeded. The corresponding C code is `RPC_S_OK` (0).
    public static let ok = RPCStatus(rawValue: 0)
    /// The context handle is invalid, or the server does not know it. The corresponding C code is
    /// `RPC_X_SS_CONTEXT_MISMATCH`, the same value as `ERROR_INVALID_HANDLE` (6).
    public static let contextMismatch = RPCStatus(rawValue: 6)
    /// The binding handle is NULL, freed or not a binding. The corresponding C code is
    /// `RPC_S_INVALID_BINDING` (1702).
    public static let invalidBinding = RPCStatus(rawValue: 1702)
    /// No connection to the server can be made. The corresponding C code is
    /// `RPC_S_SERVER_UNAVAILABLE` (1722).
    public static let serverUnavailable = RPCStatus(rawValue: 1722)
    /// The connection the call relied on failed. The corresponding C code is `RPC_S_CALL_FAILED` (1726).
    public static let callFailed = RPCStatus(rawValue: 1726)
    /// A NULL context handle was passed where the procedure needs one (`[in]`). The corresponding
    /// C code is `RPC_X_SS_IN_NULL_CONTEXT` (1775).
    public static let inNullContext = RPCStatus(rawValue: 1775)
    /// The context handle changed during a call. The corresponding C code is
    /// `RPC_X_SS_CONTEXT_DAMAGED` (1777).
    public static let contextDamaged = RPCStatus(rawValue: 1777)

    /// Every named status with its C name, in the order the names are preferred when printing.
    public static let names: [(name: String, status: RPCStatus)] = [
        ("RPC_S_OK", .ok),
        ("RPC_X_SS_CONTEXT_MISMATCH", .contextMismatch),
        ("RPC_S_INVALID_BINDING", .invalidBinding),
        ("RPC_S_SERVER_UNAVAILABLE", .serverUnavailable),
        ("RPC_S_CALL_FAILED", .callFailed),
        ("RPC_X_SS_IN_NULL_CONTEXT", .inNullContext),
        ("RPC_X_SS_CONTEXT_DAMAGED", .contextDamaged),
        ("ERROR_SUCCESS", .ok),
        ("ERROR_INVALID_HANDLE", .contextMismatch),
    ]

    /// Looks a status up by its C name (`RPC_S_OK`, or an alias such as `ERROR_INVALID_HANDLE`).
    public init?(name: String) {
        guard let entry = Self.names.first(where: { $0.name == name }) else { return nil }
        self = entry.status
    }

    /// The preferred C name of the status, or nil for a code this simulator does not name.
    public var name: String? {
        Self.names.first { $0.status == self }?.name
    }

    /// The C name and the value, `RPC_S_OK (0)`; the value alone when the code has no name.
    public var description: String {
        guard let name else { return String(rawValue) }
        return "\(name) (\(rawValue))"
    }
}
