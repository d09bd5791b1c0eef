import ContextCore

/// The simulated RPC server: one interface whose procedures open, read, write and close a context
/// handle on a named in-memory resource, and a context rundown routine for contexts whose client
/// went away.
///
/// Its state lives in its own ``HandleTable`` (the server ledger): one `association` per client
/// connection, and under it one `server-context` per open context handle. Dropping an association
/// frees its contexts through the core's cascade, and the release action of each context that was
/// not closed is the rundown routine, so the rundown runs exactly once per such context.
public final class RPCServer: Sendable {
    /// The server's handle table: associations and their contexts.
    public let table: HandleTable
    let journal = ServerJournal()

    /// Creates a server that is not listening yet; `ledgerCapacity` bounds the events its ledger keeps.
    public init(ledgerCapacity: Int? = nil) {
        table = HandleTable(name: "rpc-server", ledgerCapacity: ledgerCapacity)
    }

    /// Starts listening for calls; returns false when it was already listening.
    /// The corresponding C function is `RpcServerListen`.
    @discardableResult
    public func listen() -> Bool {
        if journal.listening { return false }
        journal.listening = true
        return true
    }

    /// Whether the server accepts connections.
    public var isListening: Bool { journal.listening }

    /// Every context the server opened, closed or ran down, in order.
    public var contextEvents: [ServerContextEvent] { journal.events }

    /// The rundowns the server ran, in order.
    public var rundowns: [ServerContextEvent] { journal.events.filter { $0.action == .rundown } }

    /// The bytes of a named resource, or nil when no client ever opened it.
    public func contents(of resource: String) -> [UInt8]? {
        journal.contents(of: resource)
    }

    // MARK: - The runtime's side

    /// Accepts a connection from the client `label`; nil when the server is not listening.
    func connect(label: String) -> Handle? {
        guard journal.listening else { return nil }
        return try? table.allocate(.rpcAssociation, label: label)
    }

    /// Ends an association: each of its contexts that was not closed is run down, once.
    func closeAssociation(_ association: Handle) {
        _ = try? table.free(association, expecting: .rpcAssociation)
    }

    /// The live context `context` when it belongs to `association`, else the mismatch the server
    /// stub raises.
    private func lookUp(_ context: Handle, on association: Handle) throws(RPCException) -> ServerContextData {
        let info: ResourceInfo
        do {
            info = try table.validate(context, expecting: .rpcServerContext)
        } catch {
            throw RPCException(.contextMismatch)
        }
        guard info.owner == association, let data = info.payload as? ServerContextData else {
            throw RPCException(.contextMismatch)
        }
        return data
    }

    // MARK: - The interface's manager routines

    /// The open routine: a new context on `resource` (created empty when new), owned by the association.
    func open(on association: Handle, resource: String) throws(RPCException) -> Handle {
        let owner: ResourceInfo
        do {
            owner = try table.validate(association, expecting: .rpcAssociation)
        } catch {
            throw RPCException(.callFailed)
        }
        let data = ServerContextData(resource: resource, association: owner.description)
        let journal = self.journal
        let context: Handle
        do {
            context = try table.allocate(
                .rpcServerContext, owner: association, label: resource, payload: data,
                onFree: { info in journal.contextFreed(info) })
        } catch {
            throw RPCException(.callFailed)
        }
        journal.create(resource)
        let name = table.info(context)?.name ?? "server-context"
        journal.record(
            ServerContextEvent(action: .opened, context: name, resource: resource, association: data.association))
        return context
    }

    /// The read routine: the whole resource the context has open.
    func read(on association: Handle, context: Handle) throws(RPCException) -> [UInt8] {
        let data = try lookUp(context, on: association)
        return journal.contents(of: data.resource) ?? []
    }

    /// The write routine: appends bytes to the resource the context has open.
    func write(on association: Handle, context: Handle, bytes: [UInt8]) throws(RPCException) {
        let data = try lookUp(context, on: association)
        journal.append(bytes, to: data.resource)
    }

    /// The close routine: frees the context and returns it as NULL, so no rundown will run for it.
    func close(on association: Handle, context: Handle) throws(RPCException) {
        _ = try lookUp(context, on: association)
        journal.markClosing(context)
        do {
            try table.free(context, expecting: .rpcServerContext)
        } catch {
            journal.unmarkClosing(context)
            throw RPCException(.contextMismatch)
        }
    }

    /// The name of a live server context, for reports.
    func name(of context: Handle) -> String? {
        table.info(context)?.name
    }
}
