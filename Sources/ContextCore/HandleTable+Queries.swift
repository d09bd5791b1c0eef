extension HandleTable {
    /// Checks that a handle names a live resource (of `kind`, when given) and returns a snapshot.
    ///
    /// A stale handle is recorded in the ledger as a stale use before the error is thrown.
    @discardableResult
    public func validate(_ handle: Handle, expecting kind: ResourceKind? = nil) throws(HandleError) -> ResourceInfo {
        try state.withLock { (state) throws(HandleError) -> ResourceInfo in
            try state.lookup(handle, expecting: kind).info(handle)
        }
    }

    /// A snapshot of a live resource, or nil; records nothing.
    public func info(_ handle: Handle) -> ResourceInfo? {
        state.withLock { state in
            guard Int(handle.slot) < state.slots.count else { return nil }
            let slot = state.slots[Int(handle.slot)]
            guard slot.generation == handle.generation, let record = slot.record, !record.queued else {
                return nil
            }
            return record.info(handle)
        }
    }

    /// Whether the handle names a live resource (not freed, not queued to be freed).
    public func isLive(_ handle: Handle) -> Bool {
        info(handle) != nil
    }

    /// The payload of a live resource, cast to `T`; nil when it has none of that type.
    public func payload<T>(of handle: Handle, as type: T.Type, expecting kind: ResourceKind? = nil) throws(HandleError) -> T? {
        try storedPayload(of: handle, expecting: kind) as? T
    }

    /// The payload of a live resource as it is stored; nil when it has none.
    public func storedPayload(of handle: Handle, expecting kind: ResourceKind? = nil) throws(HandleError) -> (any Sendable)? {
        try state.withLock { (state) throws(HandleError) -> (any Sendable)? in
            try state.lookup(handle, expecting: kind).payload
        }
    }

    /// Replaces the payload of a live resource.
    public func setPayload(_ payload: (any Sendable)?, for handle: Handle) throws(HandleError) {
        try state.withLock { (state) throws(HandleError) in
            _ = try state.lookup(handle, expecting: nil)
            state.slots[Int(handle.slot)].record?.payload = payload
        }
    }

    /// Replaces the size a live resource reports (a buffer filled after it was registered).
    public func setBytes(_ bytes: Int, for handle: Handle) throws(HandleError) {
        try state.withLock { (state) throws(HandleError) in
            _ = try state.lookup(handle, expecting: nil)
            state.slots[Int(handle.slot)].record?.bytes = bytes
        }
    }

    /// The live children of a resource, in creation order.
    public func children(of handle: Handle) throws(HandleError) -> [Handle] {
        try state.withLock { (state) throws(HandleError) -> [Handle] in
            try state.lookup(handle, expecting: nil).children
        }
    }

    /// The number of live resources, of one kind or of all.
    public func liveCount(of kind: ResourceKind? = nil) -> Int {
        state.withLock { state in
            if let kind { return state.ledger.live[kind] ?? 0 }
            return state.ledger.liveTotal
        }
    }

    /// Snapshots of every live resource, in allocation order.
    public func liveResources() -> [ResourceInfo] {
        state.withLock { state in
            state.slots.enumerated().compactMap { index, slot -> ResourceInfo? in
                guard let record = slot.record else { return nil }
                return record.info(Handle(slot: UInt32(index), generation: slot.generation))
            }
            .sorted { $0.serial < $1.serial }
        }
    }

    /// A copy of the ledger: its events, totals and live counts.
    public var ledger: Ledger {
        state.withLock { $0.ledger }
    }

    /// Calls `observer` with every event from now on, under the table's lock: it must not call the table.
    public func observe(_ observer: @escaping @Sendable (LedgerEvent) -> Void) {
        state.withLock { $0.observers.append(observer) }
    }
}
