import ContextCore

extension RPCClient {
    /// Reclaims the client memory of a context handle (and its copy of the binding) and sets the
    /// handle to NULL; returns `RPC_S_OK`. It does not contact the server, so the server's context
    /// lives on until its association goes away, and then runs down once. A NULL, unknown or
    /// already freed handle gives `RPC_X_SS_CONTEXT_MISMATCH`, and is set to NULL as well.
    /// The corresponding C function is `RpcSmDestroyClientContext`.
    public func destroyClientContext(_ context: OutParameter<RPCContextHandle?>) -> RPCStatus {
        let value = context.value
        context.value = nil
        let record = contextData(value)
        guard let handle = value?.handle, (try? table.free(handle, expecting: .rpcClientContext)) != nil else {
            return .contextMismatch
        }
        if let record { closeLinkIfUnused(record.binding) }
        return .ok
    }

    /// The same as ``destroyClientContext(_:)``, but a mismatch is raised as an exception instead of
    /// returned. The corresponding C function is `RpcSsDestroyClientContext`.
    public func destroyClientContextRaising(_ context: OutParameter<RPCContextHandle?>) throws(RPCException) {
        let status = destroyClientContext(context)
        if status != .ok {
            throw RPCException(status)
        }
    }
}
