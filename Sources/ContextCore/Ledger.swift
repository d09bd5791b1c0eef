/// The record of everything a ``HandleTable`` did: the events (the most recent ones when a capacity
/// is set), how many of each action ever happened, and how many resources of each kind are live.
public struct Ledger: Sendable {
    private var ring: [LedgerEvent] = []
    /// How many events of each action were ever recorded.
    public private(set) var totals: [LedgerEvent.Action: Int] = [:]
    /// How many resources of each kind are live (allocated, not yet freed).
    public private(set) var live: [ResourceKind: Int] = [:]
    /// The number of events kept, or nil to keep all.
    public let capacity: Int?
    private var sequence = 0
    private var start = 0

    /// Creates an empty ledger that keeps at most `capacity` events (nil: all).
    public init(capacity: Int? = nil) {
        self.capacity = capacity.map { max(1, $0) }
    }

    /// The total number of live resources.
    public var liveTotal: Int { live.values.reduce(0, +) }

    /// The most recent events, oldest first; all of them when the ledger has no capacity.
    public var events: [LedgerEvent] {
        guard start > 0 else { return ring }
        return Array(ring[start...] + ring[..<start])
    }

    /// The events kept that came after event number `sequence` (a mark taken from ``eventCount``),
    /// oldest first, in time proportional to their number rather than to the ledger's.
    public func events(after sequence: Int) -> [LedgerEvent] {
        let wanted = min(max(0, self.sequence - sequence), ring.count)
        guard wanted > 0 else { return [] }
        var result: [LedgerEvent] = []
        result.reserveCapacity(wanted)
        for offset in (ring.count - wanted)..<ring.count {
            result.append(ring[(start + offset) % ring.count])
        }
        return result
    }

    /// How many events were ever recorded, including those the capacity dropped.
    public var eventCount: Int { sequence }

    /// Appends an event for the resource and updates the counts; returns the recorded event.
    @discardableResult
    mutating func record(
        _ action: LedgerEvent.Action, _ info: ResourceInfo, count: Int, note: String = ""
    ) -> LedgerEvent {
        sequence += 1
        let event = LedgerEvent(
            sequence: sequence, action: action, handle: info.handle, name: info.name,
            kind: info.kind, label: info.label, bytes: info.bytes, referenceCount: count, note: note)
        totals[action, default: 0] += 1
        switch action {
        case .allocate:
            live[info.kind, default: 0] += 1
        case .free:
            let remaining = (live[info.kind] ?? 1) - 1
            live[info.kind] = remaining > 0 ? remaining : nil
        default:
            break
        }
        if let capacity, ring.count == capacity {
            ring[start] = event
            start = (start + 1) % capacity
        } else {
            ring.append(event)
        }
        return event
    }
}
