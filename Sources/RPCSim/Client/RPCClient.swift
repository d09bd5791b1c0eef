import ContextCore
import Synchronization

/// What the client runtime keeps for one client context handle, as the handle's payload: the
/// binding it came through, and the association and server context it stands for on the wire.
struct ClientContextData: Sendable {
    /// The binding the handle was opened through (its owner in the client table).
    let binding: Handle
    /// The association the server opened the context on.
    let association: Handle
    /// The server's context: what the handle's wire data names.
    let serverContext: Handle
    /// The 20 bytes the server sent for the context, which the stub sends back on each call.
    let wire: [UInt8]
}

/// The state of one binding's connection to the server.
struct Link: Sendable {
    /// The client's name, for ledgers and reports.
    let label: String
    /// Whether the server can be reached; false after a dropped connection until a reconnect.
    var up = true
    /// The live association, made by the first call that needs one.
    var association: Handle?
    /// Whether `RpcBindingFree` freed the binding; its context handles go on using the link.
    var bindingFreed = false
}

/// The simulated RPC client runtime: binding handles and client context handles, in its own
/// ``HandleTable`` (the client ledger), talking to one ``RPCServer`` over simulated connections.
///
/// A binding and each client context handle are roots of the client table: a context handle holds
/// its own copy of the binding it was opened through (its child), so it outlives `RpcBindingFree`. The client and the
/// server share nothing but the association a call travels on.
public final class RPCClient: Sendable {
    /// The client's handle table: bindings, context handles and their binding copies.
    public let table: HandleTable
    /// The server the client's bindings point to.
    public let server: RPCServer
    let links = Mutex<[Handle: Link]>([:])

    /// Creates a client runtime for `server`; `ledgerCapacity` bounds the events its ledger keeps.
    public init(server: RPCServer, ledgerCapacity: Int? = nil) {
        self.server = server
        table = HandleTable(name: "rpc-client", ledgerCapacity: ledgerCapacity)
    }

    /// Makes a binding handle to the server for the client named `label`; the server is not
    /// contacted until a call needs it. The corresponding C function is `RpcBindingFromStringBinding`.
    public func bind(label: String, binding: OutParameter<RPCBindingHandle?>) -> RPCStatus {
        guard let handle = try? table.allocate(.rpcBinding, label: label) else { return .invalidBinding }
        links.withLock { $0[handle] = Link(label: label) }
        binding.value = RPCBindingHandle(handle)
        return .ok
    }

    /// Frees a binding handle and sets it to NULL. Context handles opened through it live on: each
    /// keeps its own copy of the binding and goes on calling the server over the same association
    /// (the Win32 page "Client development using context handles" frees the binding and keeps
    /// calling; Wine's `ndr_contexthandle.c` gives each context handle its own binding). The
    /// association closes, and the server runs down each of its contexts that was not closed, once
    /// the last of those context handles is gone too. An invalid binding gives
    /// `RPC_S_INVALID_BINDING` and is left as it was. The corresponding C function is `RpcBindingFree`.
    public func freeBinding(_ binding: OutParameter<RPCBindingHandle?>) -> RPCStatus {
        guard let handle = liveBinding(binding.value) else { return .invalidBinding }
        _ = try? table.free(handle, expecting: .rpcBinding)
        links.withLock { $0[handle]?.bindingFreed = true }
        closeLinkIfUnused(handle)
        binding.value = nil
        return .ok
    }

    /// Ends a freed binding's connection once no context handle uses it: its association closes
    /// (the server runs down what was not closed) and the link is forgotten.
    func closeLinkIfUnused(_ binding: Handle) {
        let inUse = table.liveResources().contains {
            $0.kind == .rpcClientContext && ($0.payload as? ClientContextData)?.binding == binding
        }
        guard !inUse else { return }
        let association = links.withLock { links -> Handle? in
            guard links[binding]?.bindingFreed == true else { return nil }
            return links.removeValue(forKey: binding)?.association
        }
        if let association {
            server.closeAssociation(association)
        }
    }

    /// Simulates a communications failure on the binding's connection: the association is dropped
    /// (the server runs down each of its contexts that was not closed) and the server cannot be
    /// reached until ``reconnect(_:)``. Client memory is left as it was.
    public func dropConnection(_ binding: RPCBindingHandle?) -> RPCStatus {
        guard let handle = liveBinding(binding) else { return .invalidBinding }
        let association = links.withLock { links -> Handle? in
            let old = links[handle]?.association
            links[handle]?.up = false
            links[handle]?.association = nil
            return old
        }
        if let association {
            server.closeAssociation(association)
        }
        return .ok
    }

    /// Restarts the server: every association ends (the server runs down each context that was not
    /// closed) and the next call of each binding makes a new one; context handles from before the
    /// restart name contexts the new server does not know (`RPC_X_SS_CONTEXT_MISMATCH`).
    public func restartServer() {
        let associations = links.withLock { links -> [Handle] in
            var ended: [Handle] = []
            for key in links.keys {
                if let association = links[key]?.association { ended.append(association) }
                links[key]?.association = nil
            }
            return ended
        }
        for association in associations {
            server.closeAssociation(association)
        }
    }

    /// Makes the server reachable again for the binding; the next call makes a new association.
    public func reconnect(_ binding: RPCBindingHandle?) -> RPCStatus {
        guard let handle = liveBinding(binding) else { return .invalidBinding }
        links.withLock { $0[handle]?.up = true }
        return .ok
    }

    /// Whether the binding is live and its connection has not been dropped.
    public func isReachable(_ binding: RPCBindingHandle?) -> Bool {
        guard let handle = liveBinding(binding) else { return false }
        return links.withLock { $0[handle]?.up ?? false }
    }

    /// The table handle of a live binding, or nil for NULL, unknown, freed or non-binding values.
    func liveBinding(_ binding: RPCBindingHandle?) -> Handle? {
        guard let handle = binding?.handle, (try? table.validate(handle, expecting: .rpcBinding)) != nil else {
            return nil
        }
        return handle
    }

    /// The binding's live association, made now when it has none; throws `unreachable` when the
    /// connection is down, and `RPC_S_SERVER_UNAVAILABLE` when the server does not listen.
    func association(for binding: Handle, unreachable: RPCStatus) throws(RPCException) -> Handle {
        let current = links.withLock { links -> Link? in links[binding] }
        guard let link = current else { throw RPCException(.invalidBinding) }
        guard link.up else { throw RPCException(unreachable) }
        if let association = link.association { return association }
        guard let made = server.connect(label: link.label) else { throw RPCException(.serverUnavailable) }
        let kept = links.withLock { links -> Handle? in
            guard links[binding] != nil else { return nil }
            if let other = links[binding]?.association { return other }
            links[binding]?.association = made
            return made
        }
        if kept != made {
            server.closeAssociation(made)
        }
        guard let kept else { throw RPCException(.invalidBinding) }
        return kept
    }

    /// What a live client context handle stands for, or nil for NULL, unknown or freed values.
    func contextData(_ context: RPCContextHandle?) -> ClientContextData? {
        guard let handle = context?.handle,
            let info = try? table.validate(handle, expecting: .rpcClientContext)
        else { return nil }
        return info.payload as? ClientContextData
    }

    /// The ledger name of the server context a live client context handle stands for, when that
    /// server context is still live.
    func serverContextName(of context: RPCContextHandle?) -> String? {
        guard let handle = context?.handle, let info = table.info(handle),
            let data = info.payload as? ClientContextData
        else { return nil }
        return server.name(of: data.serverContext)
    }
}
