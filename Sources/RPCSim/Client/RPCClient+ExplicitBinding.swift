import ContextCore

/// A procedure that takes an explicit binding beside its context handle, so a scenario can send a
/// context handle, or any 20 bytes in its place, over a binding other than the one it came from:
///
/// ```
/// error_status_t ReadResourceOn([in] handle_t binding, [in] PCONTEXT_HANDLE_TYPE context, [out] BUFFER *data);
/// ```
///
/// The call travels on `binding`'s association; the server looks the context's UUID up among that
/// association's contexts only, so a handle opened on another association is unknown there.
extension RPCClient {
    /// Reads the resource `context` has open, sending the call over `binding`. An invalid binding
    /// gives `RPC_S_INVALID_BINDING`; a NULL context `RPC_X_SS_IN_NULL_CONTEXT`; an unknown or
    /// freed one `RPC_X_SS_CONTEXT_MISMATCH` (the client stub has no wire data for it); a binding
    /// whose connection is down `RPC_S_SERVER_UNAVAILABLE`; a context the binding's association
    /// does not have `RPC_X_SS_CONTEXT_MISMATCH` (the server's `ERROR_INVALID_HANDLE`).
    public func readResource(
        on binding: RPCBindingHandle?, context: RPCContextHandle?, into data: OutParameter<[UInt8]>
    ) -> RPCStatus {
        guard liveBinding(binding) != nil else { return .invalidBinding }
        guard context != nil else { return .inNullContext }
        guard let record = contextData(context) else { return .contextMismatch }
        return readResource(on: binding, wireData: record.wire, into: data)
    }

    /// Sends `wireData` as the context handle's 20 bytes over `binding`, as a client holding a
    /// forged or stale token would, and reads the resource of the context it names. The server
    /// refuses non-zero attributes, a UUID its association does not know, and data that is not 20
    /// bytes with `ERROR_INVALID_HANDLE`: `RPC_X_SS_CONTEXT_MISMATCH` (6) here.
    public func readResource(on binding: RPCBindingHandle?, wireData: [UInt8], into data: OutParameter<[UInt8]>) -> RPCStatus {
        guard let bindingHandle = liveBinding(binding) else { return .invalidBinding }
        do {
            let association = try self.association(for: bindingHandle, unreachable: .serverUnavailable)
            let serverContext = try server.context(fromWire: wireData, on: association)
            data.value = try server.read(on: association, context: serverContext)
            return .ok
        } catch {
            return error.status
        }
    }
}
