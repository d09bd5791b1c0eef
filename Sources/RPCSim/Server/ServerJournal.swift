import ContextCore
import Synchronization

/// What the server's context rundown routine and close routine see: the user data of one server
/// context, stored as its payload.
struct ServerContextData: Sendable {
    /// The resource the context has open.
    let resource: String
    /// The association it belongs to, by ledger name and client.
    let association: String
}

/// The server's own state beside its handle table: whether it listens, the named resources, which
/// contexts are being closed, and the history of its contexts.
///
/// Release actions of server contexts hold this object (not the server), so the table and the
/// actions form no cycle.
final class ServerJournal: Sendable {
    private struct State {
        var listening = false
        var store: [String: [UInt8]] = [:]
        var closing: Set<Handle> = []
        var events: [ServerContextEvent] = []
    }

    private let state = Mutex(State())

    var listening: Bool {
        get { state.withLock { $0.listening } }
        set { state.withLock { $0.listening = newValue } }
    }

    var events: [ServerContextEvent] {
        state.withLock { $0.events }
    }

    var eventCount: Int {
        state.withLock { $0.events.count }
    }

    func events(from index: Int) -> [ServerContextEvent] {
        state.withLock { state in
            guard index < state.events.count else { return [] }
            return Array(state.events[max(0, index)...])
        }
    }

    func record(_ event: ServerContextEvent) {
        state.withLock { $0.events.append(event) }
    }

    func contents(of resource: String) -> [UInt8]? {
        state.withLock { $0.store[resource] }
    }

    /// Creates the resource, empty, when it does not exist yet.
    func create(_ resource: String) {
        state.withLock { state in
            if state.store[resource] == nil { state.store[resource] = [] }
        }
    }

    func append(_ bytes: [UInt8], to resource: String) {
        state.withLock { $0.store[resource, default: []].append(contentsOf: bytes) }
    }

    /// Marks a context as being closed by the close routine, so its free is not a rundown.
    func markClosing(_ context: Handle) {
        _ = state.withLock { $0.closing.insert(context) }
    }

    func unmarkClosing(_ context: Handle) {
        _ = state.withLock { $0.closing.remove(context) }
    }

    /// The release action of every server context: a close when the close routine freed it, else
    /// the context rundown routine.
    func contextFreed(_ info: ResourceInfo) {
        let data = info.payload as? ServerContextData
        state.withLock { state in
            let closed = state.closing.remove(info.handle) != nil
            state.events.append(
                ServerContextEvent(
                    action: closed ? .closed : .rundown, context: info.name,
                    resource: data?.resource ?? info.label, association: data?.association ?? "association"))
        }
    }
}
