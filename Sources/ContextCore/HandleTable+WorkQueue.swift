extension HandleTable {
    /// The number of frees waiting on the work queue.
    public var queuedCount: Int {
        state.withLock { $0.workQueue.count - $0.workQueueHead }
    }

    /// Runs the oldest queued free (the resource and its descendants); nil when the queue is empty.
    public func runNextWorkItem() -> [FreedResource]? {
        let detached = state.withLock { state -> [Detached]? in
            while state.workQueueHead < state.workQueue.count {
                let handle = state.workQueue[state.workQueueHead]
                state.workQueueHead += 1
                if state.workQueueHead == state.workQueue.count {
                    state.workQueue.removeAll(keepingCapacity: true)
                    state.workQueueHead = 0
                }
                let slot = state.slots[Int(handle.slot)]
                if slot.generation == handle.generation, let record = slot.record, record.queued {
                    record.queued = false
                    return state.detachTree(handle)
                }
            }
            return nil
        }
        return detached.map { finish($0) }
    }

    /// Runs every queued free, including any queued while draining, and returns what was freed.
    @discardableResult
    public func drainWorkQueue() -> [FreedResource] {
        var freed: [FreedResource] = []
        while let batch = runNextWorkItem() {
            freed.append(contentsOf: batch)
        }
        return freed
    }
}
