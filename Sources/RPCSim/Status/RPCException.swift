/// An RPC exception: what `RpcRaiseException` throws, such as the context mismatch
/// `RpcSsDestroyClientContext` raises for an invalid handle.
public struct RPCException: Error, Hashable, Sendable, CustomStringConvertible {
    /// The code the exception carries.
    public let status: RPCStatus

    /// Creates an exception carrying `status`.
    public init(_ status: RPCStatus) {
        self.status = status
    }

    /// `EXCEPTION RPC_X_SS_CONTEXT_MISMATCH (6)`.
    public var description: String {
        "EXCEPTION \(status)"
    }
}
