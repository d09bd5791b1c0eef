import FilterManagerSim

/// The model's prediction for each routine, written from the semantics' table.
extension ReferenceModel {
    /// Marks the machine stopped when a call above its maximum IRQL bug checks.
    mutating func exceeds(_ maximum: IRQL, _ prediction: inout Prediction) -> Bool {
        if crashed || irql > maximum {
            crashed = true
            prediction.bugCheck = true
            return true
        }
        return false
    }

    mutating func allocate(type: ContextType, size: UInt64, pool: PoolType) -> Prediction {
        var prediction = Prediction()
        if exceeds(.apc, &prediction) { return prediction }
        if unregistered { prediction.status = .deletingObject; return prediction }
        if !type.isValid || size == 0 || !pool.isValid { prediction.status = .invalidParameter; return prediction }
        if size > 0xFFFF { prediction.status = .invalidBufferSize; return prediction }
        guard let registered = registrations[type], registered.map({ size <= $0 }) ?? true else {
            prediction.status = .contextAllocationNotFound
            return prediction
        }
        prediction.status = .success
        return prediction
    }

    /// Records the context a successful allocation returned.
    mutating func allocated(_ handle: FltContext, type: ContextType, pool: PoolType) {
        contexts[handle] = Context(type: type, pool: pool, callerReferences: 1, link: nil)
    }

    mutating func set(_ target: ContextTarget, operation: SetOperation, new: FltContext?, returnOld: Bool) -> Prediction {
        var prediction = Prediction()
        if exceeds(.apc, &prediction) { return prediction }
        prediction.status = .invalidParameter
        guard let new else { return prediction }
        guard let context = usable(new, &prediction), operation.isValid else { return prediction }
        guard let (slot, deleting) = resolve(target), context.type == target.contextType else { return prediction }
        if deleting { prediction.status = .deletingObject; return prediction }
        if context.link != nil { prediction.status = .contextAlreadyLinked; return prediction }
        if let existing = links[slot] {
            if operation == .keepIfExists {
                prediction.status = .contextAlreadyDefined
                if returnOld {
                    contexts[existing]?.callerReferences += 1
                    prediction.value = existing
                }
                return prediction
            }
            unlink(slot, handOver: returnOld, at: irql, into: &prediction)
            prediction.value = returnOld ? existing : nil
        }
        links[slot] = new
        contexts[new]?.link = slot
        prediction.status = .success
        return prediction
    }

    mutating func get(_ target: ContextTarget) -> Prediction {
        var prediction = Prediction()
        if exceeds(.apc, &prediction) { return prediction }
        guard let (slot, _) = resolve(target) else { prediction.status = .invalidParameter; return prediction }
        guard let handle = links[slot] else { prediction.status = .notFound; return prediction }
        contexts[handle]?.callerReferences += 1
        prediction.status = .success
        prediction.value = handle
        return prediction
    }

    mutating func delete(_ target: ContextTarget, returnOld: Bool) -> Prediction {
        var prediction = Prediction()
        if exceeds(.apc, &prediction) { return prediction }
        guard let (slot, deleting) = resolve(target) else { prediction.status = .invalidParameter; return prediction }
        if deleting { prediction.status = .deletingObject; return prediction }
        guard let handle = links[slot] else { prediction.status = .notFound; return prediction }
        unlink(slot, handOver: returnOld, at: irql, into: &prediction)
        prediction.status = .success
        prediction.value = returnOld ? handle : nil
        return prediction
    }

    mutating func deleteContext(_ handle: FltContext?) -> Prediction {
        var prediction = Prediction()
        if exceeds(.apc, &prediction) { return prediction }
        guard let handle, let context = usable(handle, &prediction) else {
            if handle == nil { prediction.violations = 1 }
            return prediction
        }
        if let slot = context.link { unlink(slot, handOver: false, at: irql, into: &prediction) }
        return prediction
    }

    mutating func reference(_ handle: FltContext?) -> Prediction {
        var prediction = Prediction()
        if exceeds(.dispatch, &prediction) { return prediction }
        guard let handle, usable(handle, &prediction) != nil else {
            if handle == nil { prediction.violations = 1 }
            return prediction
        }
        contexts[handle]?.callerReferences += 1
        return prediction
    }

    mutating func release(_ handle: FltContext?) -> Prediction {
        var prediction = Prediction()
        if exceeds(.dispatch, &prediction) { return prediction }
        guard let handle, let context = usable(handle, &prediction) else {
            if handle == nil { prediction.violations = 1 }
            return prediction
        }
        if context.pool.isPaged && irql >= .dispatch { _ = exceeds(.apc, &prediction); return prediction }
        if context.callerReferences > 0 {
            contexts[handle]?.callerReferences -= 1
        } else if let slot = context.link {
            prediction.violations += 1
            links[slot] = nil
            contexts[handle]?.link = nil
        }
        settle(handle, at: irql, into: &prediction)
        return prediction
    }

    /// Unregisters: work items, instances torn down, volume contexts deleted, then one leak
    /// report per caller reference still held.
    mutating func unregister() -> Prediction {
        var prediction = Prediction()
        if exceeds(.apc, &prediction) { return prediction }
        while runWorkItem(into: &prediction) {}
        for (object, node) in nodes.sorted(by: { $0.key.id < $1.key.id }) where object.kind == .instance && !node.gone {
            tearDown(object, into: &prediction)
        }
        for slot in links.keys { unlink(slot, handOver: false, at: .passive, into: &prediction) }
        unregistered = true
        prediction.violations = contexts.values.filter { $0.state == .live }.reduce(0) { $0 + $1.callerReferences }
        return prediction
    }
}
