import ContextCore

extension FilterManager {
    /// `FltUnregisterFilter(Filter)` (void, IRQL <= APC_LEVEL as its DDI page gives, and as ReactOS's
    /// implementation, which makes only APC-safe calls, allows): runs the pending work items,
    /// detaches every instance of the filter (deleting every context the instances set) and deletes
    /// the filter's volume contexts. Any context still referenced after that is a leak: one verifier
    /// report per reference never released, naming the call that took it. The simulator does not
    /// wait for those references (Windows would); the contexts stay live until they are released.
    public func unregisterFilter(_ filter: FltObject?) throws(BugCheck) {
        let routine = "FltUnregisterFilter"
        try require(routine, atMost: .apc)
        guard let filter, filter == self.filter else {
            report(.violation, "\(routine)\(atLocation): the argument is not the registered filter")
            return
        }
        guard !filterUnregistered else {
            report(.violation, "\(routine)\(atLocation): the filter is already unregistered")
            return
        }
        runAllWorkItems()
        recorder.setMode(irql: .passive, inWorkItem: false)
        for instance in objectOrder where instance.kind == .instance {
            var unlinked: [(context: FltContext, object: FltObject)] = []
            tearDownTree(instance, into: &unlinked)
        }
        for key in links.keys.sorted(by: { $0.object.id < $1.object.id }) {
            unlink(key, at: .passive)
        }
        filterUnregistered = true
        objects[filter]?.gone = true
        for record in contexts.values.sorted(by: { $0.serial < $1.serial }) {
            for origin in record.references {
                report(
                    .violation,
                    "leaked \(record.name) (\(record.type), \(record.size) bytes, \(record.pool)): the reference taken by \(origin.description) was never released"
                )
            }
        }
    }

    /// Whether the filter has been unregistered.
    public var isUnregistered: Bool { filterUnregistered }

    /// Runs the oldest queued work item at PASSIVE_LEVEL: the context's cleanup callback, then its
    /// free. Returns the names of the contexts freed, or nil when the queue was empty.
    public func runWorkItem() -> [String]? {
        recorder.setMode(irql: .passive, inWorkItem: true)
        defer { recorder.setMode(irql: irql, inWorkItem: false) }
        guard let freedResources = table.runNextWorkItem() else { return nil }
        for resource in freedResources {
            noteFreedByWorkItem(resource.info.handle)
        }
        return freedResources.map(\.info.name)
    }

    /// Runs every queued work item, oldest first, including any queued meanwhile; returns the names
    /// of the contexts freed.
    @discardableResult
    public func runAllWorkItems() -> [String] {
        recorder.setMode(irql: .passive, inWorkItem: true)
        defer { recorder.setMode(irql: irql, inWorkItem: false) }
        let freedResources = table.drainWorkQueue()
        for resource in freedResources {
            noteFreedByWorkItem(resource.info.handle)
        }
        return freedResources.map(\.info.name)
    }

    private func noteFreedByWorkItem(_ handle: Handle) {
        if let gone = freed[handle] {
            freed[handle] = FreedContext(name: gone.name, when: gone.when + ", freed by the work item")
        }
    }
}
