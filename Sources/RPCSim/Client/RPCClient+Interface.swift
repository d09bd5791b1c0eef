import ContextCore

/// The interface's procedures as the client stub runs them. Each is declared with
/// `[comm_status, fault_status]` in the modelled IDL, so communication errors, server faults and
/// the stub's own exceptions come back as the returned status:
///
/// ```
/// error_status_t OpenResource([in] handle_t binding, [out] PCONTEXT_HANDLE_TYPE *context, [in, string] char *name);
/// error_status_t ReadResource([in] PCONTEXT_HANDLE_TYPE context, [out] BUFFER *data);
/// error_status_t WriteResource([in] PCONTEXT_HANDLE_TYPE context, [in] BUFFER *data);
/// error_status_t CloseResource([in, out] PCONTEXT_HANDLE_TYPE *context);
/// ```
extension RPCClient {
    /// Opens the named resource on the server (creating it empty when new) and sets `context` to a
    /// new client context handle. An invalid binding gives `RPC_S_INVALID_BINDING`; a binding whose
    /// connection is down, or a server that does not listen, gives `RPC_S_SERVER_UNAVAILABLE`.
    /// `context` is left as it was when the call fails.
    public func openResource(_ binding: RPCBindingHandle?, name: String, context: OutParameter<RPCContextHandle?>) -> RPCStatus {
        guard let bindingHandle = liveBinding(binding) else { return .invalidBinding }
        let association: Handle
        let serverContext: Handle
        do {
            association = try self.association(for: bindingHandle, unreachable: .serverUnavailable)
            serverContext = try server.open(on: association, resource: name)
        } catch {
            return error.status
        }
        let data = ClientContextData(
            binding: bindingHandle, association: association, serverContext: serverContext,
            wire: server.wireData(of: serverContext) ?? [])
        let label = links.withLock { $0[bindingHandle]?.label } ?? ""
        guard
            let handle = try? table.allocate(.rpcClientContext, label: name, bytes: Self.wireSize, payload: data),
            (try? table.allocate(.rpcBindingCopy, owner: handle, label: label)) != nil
        else { return .invalidBinding }
        context.value = RPCContextHandle(handle)
        return .ok
    }

    /// Reads the whole resource the context has open into `data`.
    public func readResource(_ context: RPCContextHandle?, into data: OutParameter<[UInt8]>) -> RPCStatus {
        do {
            let (record, association) = try route(context)
            data.value = try server.read(on: association, context: record.serverContext)
            return .ok
        } catch {
            return error.status
        }
    }

    /// Appends bytes to the resource the context has open.
    public func writeResource(_ context: RPCContextHandle?, bytes: [UInt8]) -> RPCStatus {
        do {
            let (record, association) = try route(context)
            try server.write(on: association, context: record.serverContext, bytes: bytes)
            return .ok
        } catch {
            return error.status
        }
    }

    /// Closes the context: the server's close routine frees its context and returns NULL (no
    /// rundown will run for it), and the client stub frees the handle's memory and sets `context`
    /// to NULL. When the call fails, nothing changes on either side and `context` keeps its value.
    public func closeResource(_ context: OutParameter<RPCContextHandle?>) -> RPCStatus {
        let record: ClientContextData
        do {
            let (routed, association) = try route(context.value)
            try server.close(on: association, context: routed.serverContext)
            record = routed
        } catch {
            return error.status
        }
        if let handle = context.value?.handle {
            _ = try? table.free(handle, expecting: .rpcClientContext)
        }
        context.value = nil
        closeLinkIfUnused(record.binding)
        return .ok
    }

    /// The size of a context handle's wire data (attributes and UUID), the memory it holds.
    static let wireSize = 20

    /// Checks a context handle as the client stub marshals it, and finds the association the call
    /// travels on: NULL raises `RPC_X_SS_IN_NULL_CONTEXT`, an unknown or freed handle
    /// `RPC_X_SS_CONTEXT_MISMATCH`, a dropped connection `RPC_S_CALL_FAILED`.
    func route(_ context: RPCContextHandle?) throws(RPCException) -> (ClientContextData, Handle) {
        guard context != nil else { throw RPCException(.inNullContext) }
        guard let record = contextData(context) else { throw RPCException(.contextMismatch) }
        let association = try association(for: record.binding, unreachable: .callFailed)
        return (record, association)
    }
}
