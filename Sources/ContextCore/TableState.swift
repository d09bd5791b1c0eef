/// One resource as the table stores it: a reference, so that reading one field of a live
/// resource does not copy the others; it is only touched under the table's lock.
final class ResourceRecord {
    let serial: Int
    let kind: ResourceKind
    let owner: Handle?
    let label: String
    var bytes: Int
    var count: Int
    var payload: (any Sendable)?
    let action: ReleaseAction?
    var children: [Handle] = []
    var queued = false

    init(
        serial: Int, kind: ResourceKind, owner: Handle?, label: String, bytes: Int, count: Int,
        payload: (any Sendable)?, action: ReleaseAction?
    ) {
        self.serial = serial
        self.kind = kind
        self.owner = owner
        self.label = label
        self.bytes = bytes
        self.count = count
        self.payload = payload
        self.action = action
    }

    func info(_ handle: Handle) -> ResourceInfo {
        ResourceInfo(
            handle: handle, serial: serial, kind: kind, owner: owner, label: label, bytes: bytes,
            referenceCount: count, payload: payload)
    }
}

/// One slot of the table: the generation it is at and, while occupied, its resource.
struct Slot {
    var generation: UInt32 = 1
    var record: ResourceRecord?
    var lastKind: ResourceKind?
    var lastSerial = 0
}

/// A resource taken out of the table, waiting for its release action to run.
struct Detached {
    let info: ResourceInfo
    let action: ReleaseAction?
}

/// Everything a ``HandleTable`` guards with its lock.
struct TableState {
    var slots: [Slot] = []
    var freeSlots: [UInt32] = []
    var nextSerial = 0
    var ledger: Ledger
    var workQueue: [Handle] = []
    var workQueueHead = 0
    var observers: [@Sendable (LedgerEvent) -> Void] = []
    let releaseRank: [ResourceKind: Int]

    init(ledgerCapacity: Int?, releaseOrder: [ResourceKind]) {
        ledger = Ledger(capacity: ledgerCapacity)
        var rank: [ResourceKind: Int] = [:]
        for (index, kind) in releaseOrder.enumerated() where rank[kind] == nil {
            rank[kind] = index
        }
        releaseRank = rank
    }

    mutating func log(_ action: LedgerEvent.Action, _ info: ResourceInfo, count: Int, note: String = "") {
        let event = ledger.record(action, info, count: count, note: note)
        for observer in observers {
            observer(event)
        }
    }

    /// The live record behind a handle, or the reason there is none (a stale use is recorded).
    mutating func lookup(_ handle: Handle, expecting kind: ResourceKind?) throws(HandleError) -> ResourceRecord {
        let index = Int(handle.slot)
        guard index < slots.count else { throw .unknown(handle) }
        if handle.generation == slots[index].generation, let record = slots[index].record {
            if record.queued {
                log(.staleUse, record.info(handle), count: 0)
                throw .stale(handle, kind: record.kind)
            }
            if let kind, kind != record.kind {
                throw .wrongKind(handle, expected: kind, actual: record.kind)
            }
            return record
        }
        let slot = slots[index]
        if handle.generation < slot.generation, handle.generation > 0 {
            let kind = slot.lastKind ?? "resource"
            let serial = handle.generation == slot.generation &- 1 ? slot.lastSerial : 0
            let ghost = ResourceInfo(
                handle: handle, serial: serial, kind: kind, owner: nil, label: "", bytes: 0,
                referenceCount: 0, payload: nil)
            log(.staleUse, ghost, count: 0, note: "freed earlier")
            throw .stale(handle, kind: kind)
        }
        throw .unknown(handle)
    }

    /// Sibling order for a cascade: by the kind's release rank, then newest first.
    func cascadeOrder(_ children: [Handle]) -> [Handle] {
        let ranked = children.enumerated().map { (index, handle) -> (Int, Int, Handle) in
            let kind = slots[Int(handle.slot)].record?.kind
            let rank = kind.flatMap { releaseRank[$0] } ?? Int.max
            return (rank, -index, handle)
        }
        return ranked.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// Takes a resource and all its descendants out of the table, children before parents.
    mutating func detachTree(_ root: Handle) -> [Detached] {
        var result: [Detached] = []
        detach(root, into: &result)
        return result
    }

    private mutating func detach(_ handle: Handle, into result: inout [Detached]) {
        guard let record = slots[Int(handle.slot)].record,
            slots[Int(handle.slot)].generation == handle.generation
        else { return }
        for child in cascadeOrder(record.children) {
            detach(child, into: &result)
        }
        if let owner = record.owner, Int(owner.slot) < slots.count,
            slots[Int(owner.slot)].generation == owner.generation
        {
            slots[Int(owner.slot)].record?.children.removeAll { $0 == handle }
        }
        if record.queued {
            workQueue.removeAll { $0 == handle }
            workQueueHead = min(workQueueHead, workQueue.count)
        }
        var info = record.info(handle)
        if info.referenceCount != 0 {
            info = ResourceInfo(
                handle: handle, serial: info.serial, kind: info.kind, owner: info.owner,
                label: info.label, bytes: info.bytes, referenceCount: 0, payload: info.payload)
        }
        result.append(Detached(info: info, action: record.action))
        let index = Int(handle.slot)
        slots[index].record = nil
        slots[index].lastKind = record.kind
        slots[index].lastSerial = record.serial
        slots[index].generation &+= 1
        if slots[index].generation == 0 { slots[index].generation = 1 }
        freeSlots.append(handle.slot)
    }
}
