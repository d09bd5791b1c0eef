import ContextCore
import Synchronization

/// Where a reference came from: the routine that took it and the location of the call.
struct ReferenceOrigin: Sendable, Equatable {
    let routine: String
    let location: String

    var description: String {
        routine + (location.isEmpty ? "" : " at \(location)")
    }
}

/// The slot a context is linked in: an object, and for per-instance kinds the instance that set it.
struct LinkKey: Hashable, Sendable {
    let object: FltObject
    let instance: FltObject?
}

/// What the simulator knows about a live context besides its count in the core's table.
struct ContextRecord {
    let context: FltContext
    let serial: Int
    let name: String
    let type: ContextType
    let pool: PoolType
    let size: UInt64
    var link: LinkKey?
    /// The caller's references, oldest first; a release matches the newest.
    var references: [ReferenceOrigin]
}

/// A simulated object and its place in the tree.
struct ObjectRecord {
    let object: FltObject
    let name: String
    /// The volume of an instance, file, stream or handle; the file of a stream; the stream of a handle.
    let parent: FltObject?
    let volume: FltObject?
    var supportsStreamContexts = true
    var gone = false
}

/// A context freed (or queued to be freed): its name and when, for reports of later uses.
struct FreedContext {
    let name: String
    let when: String
}

/// Records cleanup callbacks from the core's release actions, which run outside any simulator call
/// frame; the simulator says at which level and whether in a work item before each table call.
final class CleanupRecorder: Sendable {
    private struct State {
        var calls: [CleanupCall] = []
        var irql: IRQL = .passive
        var inWorkItem = false
    }

    private let state = Mutex(State())

    func setMode(irql: IRQL, inWorkItem: Bool) {
        state.withLock {
            $0.irql = irql
            $0.inWorkItem = inWorkItem
        }
    }

    func record(_ context: FltContext, name: String, type: ContextType, callback: String?) {
        state.withLock {
            $0.calls.append(
                CleanupCall(
                    context: context, name: name, type: type, callback: callback, irql: $0.irql,
                    inWorkItem: $0.inWorkItem))
        }
    }

    func take() -> [CleanupCall] {
        state.withLock { state in
            defer { state.calls.removeAll() }
            return state.calls
        }
    }
}
