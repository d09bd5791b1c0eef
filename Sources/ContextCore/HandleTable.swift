import Synchronization

/// A thread-safe table of reference-counted resources in an ownership tree, with a ledger.
///
/// Every provider (PC/SC and the simulators) keeps its resources here: a context owns card handles
/// and buffers, a CryptoAPI context owns keys and hashes. Releasing the last reference to a resource
/// frees its live descendants first, deepest first, then the resource itself, each through the
/// release action its provider gave. Handles carry a generation, so a stale or double-released
/// handle is reported, never confused with a newer resource.
public final class HandleTable: Sendable {
    /// A name for traces, such as "pcsc" or "rpc-server".
    public let name: String
    let state: Mutex<TableState>

    /// Creates an empty table.
    ///
    /// - Parameters:
    ///   - name: a name for traces.
    ///   - releaseOrder: kinds in the order a cascade frees siblings (earlier first); siblings of the
    ///     same or an unlisted kind are freed newest first.
    ///   - ledgerCapacity: how many ledger events to keep (nil keeps all; counts are always exact).
    public init(name: String = "core", releaseOrder: [ResourceKind] = [], ledgerCapacity: Int? = nil) {
        self.name = name
        self.state = Mutex(TableState(ledgerCapacity: ledgerCapacity, releaseOrder: releaseOrder))
    }

    /// Creates a resource with a reference count of 1, owned by `owner` when one is given.
    ///
    /// Throws when the owner is not a live resource.
    public func allocate(
        _ kind: ResourceKind, owner: Handle? = nil, label: String = "", bytes: Int = 0,
        payload: (any Sendable)? = nil, onFree action: ReleaseAction? = nil
    ) throws(HandleError) -> Handle {
        try state.withLock { (state) throws(HandleError) -> Handle in
            if let owner {
                _ = try state.lookup(owner, expecting: nil)
            }
            let slot: UInt32
            if let reused = state.freeSlots.popLast() {
                slot = reused
            } else {
                slot = UInt32(state.slots.count)
                state.slots.append(Slot())
            }
            let handle = Handle(slot: slot, generation: state.slots[Int(slot)].generation)
            state.nextSerial += 1
            let record = ResourceRecord(
                serial: state.nextSerial, kind: kind, owner: owner, label: label, bytes: bytes,
                count: 1, payload: payload, action: action)
            state.slots[Int(slot)].record = record
            if let owner {
                state.slots[Int(owner.slot)].record?.children.append(handle)
            }
            state.log(.allocate, record.info(handle), count: 1)
            return handle
        }
    }

    /// Adds a reference to a live resource and returns the new count.
    @discardableResult
    public func retain(_ handle: Handle, expecting kind: ResourceKind? = nil) throws(HandleError) -> Int {
        try state.withLock { (state) throws(HandleError) -> Int in
            let record = try state.lookup(handle, expecting: kind)
            record.count += 1
            state.log(.retain, record.info(handle), count: record.count)
            return record.count
        }
    }

    /// Drops a reference; at zero frees the resource and its descendants, or queues the free on
    /// the work queue when `deferFree` is set.
    @discardableResult
    public func release(
        _ handle: Handle, expecting kind: ResourceKind? = nil, deferFree: Bool = false
    ) throws(HandleError) -> ReleaseOutcome {
        let step = try state.withLock { (state) throws(HandleError) -> ReleaseStep in
            let record = try state.lookup(handle, expecting: kind)
            record.count -= 1
            if record.count > 0 {
                state.log(.release, record.info(handle), count: record.count)
                return .kept(record.count)
            }
            if deferFree {
                record.queued = true
                state.workQueue.append(handle)
                state.log(.queued, record.info(handle), count: 0)
                return .queued
            }
            return .detached(state.detachTree(handle))
        }
        switch step {
        case .kept(let remaining): return .decremented(remaining: remaining)
        case .queued: return .queued
        case .detached(let detached): return .freed(finish(detached))
        }
    }

    /// Frees a live resource now, whatever its reference count, with its descendants first.
    @discardableResult
    public func free(_ handle: Handle, expecting kind: ResourceKind? = nil) throws(HandleError) -> [FreedResource] {
        let detached = try state.withLock { (state) throws(HandleError) -> [Detached] in
            _ = try state.lookup(handle, expecting: kind)
            return state.detachTree(handle)
        }
        return finish(detached)
    }

    /// Runs the release actions of detached resources in order and records each free.
    func finish(_ detached: [Detached]) -> [FreedResource] {
        detached.map { item in
            var failure: (any Error)?
            if let action = item.action {
                do {
                    try action(item.info)
                } catch {
                    failure = error
                }
            }
            state.withLock { state in
                state.log(.free, item.info, count: 0, note: failure.map { "release action failed: \($0)" } ?? "")
            }
            return FreedResource(info: item.info, failure: failure)
        }
    }
}

/// What a release did under the lock, before any release action runs.
enum ReleaseStep {
    case kept(Int)
    case queued
    case detached([Detached])
}
