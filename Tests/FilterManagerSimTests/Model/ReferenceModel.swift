import FilterManagerSim

/// An independent, deliberately plain model of section 3 of the semantics: what every call must
/// return, which reference counts result, which contexts are freed (and whether in a work item),
/// and which calls bug check or make verifier reports. The model-based test runs the simulator
/// and this model side by side.
struct ReferenceModel {
    enum State: Equatable { case live, queued, freed }

    struct Context {
        let type: ContextType
        let pool: PoolType
        var callerReferences: Int
        var link: Slot?
        var state: State = .live
        var count: Int { callerReferences + (link == nil ? 0 : 1) }
    }

    /// Where a context is linked: the object, and the instance for per-instance kinds.
    struct Slot: Hashable {
        let object: FltObject
        let instance: FltObject?
    }

    struct Node {
        let parent: FltObject?
        let volume: FltObject?
        var gone = false
    }

    /// What a call is predicted to do.
    struct Prediction {
        var status: NTStatus?
        var value: FltContext?
        var bugCheck = false
        var violations = 0
        var freedNow: [FltContext] = []
        var freedInWorkItem: [FltContext] = []
    }

    var contexts: [FltContext: Context] = [:]
    var links: [Slot: FltContext] = [:]
    var nodes: [FltObject: Node] = [:]
    var queue: [FltContext] = []
    var unregistered = false
    var crashed = false
    var irql = IRQL.passive
    /// Registered sizes: nil means variable size.
    var registrations: [ContextType: UInt64?] = [:]

    mutating func add(_ object: FltObject, parent: FltObject?, volume: FltObject?) {
        nodes[object] = Node(parent: parent, volume: volume)
    }

    // MARK: Resolution

    func resolve(_ target: ContextTarget) -> (slot: Slot, deleting: Bool)? {
        func chainGone(_ object: FltObject) -> Bool {
            var current: FltObject? = object
            while let item = current, let node = nodes[item] {
                if node.gone { return true }
                current = node.parent
            }
            return false
        }
        switch target {
        case .volume(let volume):
            guard volume.kind == .volume, nodes[volume] != nil else { return nil }
            return (Slot(object: volume, instance: nil), unregistered || chainGone(volume))
        case .instance(let instance):
            guard instance.kind == .instance, nodes[instance] != nil else { return nil }
            return (Slot(object: instance, instance: nil), chainGone(instance))
        case .transaction(let instance, let transaction):
            guard instance.kind == .instance, transaction.kind == .transaction, nodes[instance] != nil,
                nodes[transaction] != nil
            else { return nil }
            return (Slot(object: transaction, instance: instance), chainGone(instance) || chainGone(transaction))
        case .file(let instance, let fileObject), .stream(let instance, let fileObject),
            .streamHandle(let instance, let fileObject):
            guard instance.kind == .instance, let owner = nodes[instance], let given = nodes[fileObject],
                given.volume == owner.volume
            else { return nil }
            var slotObject: FltObject? = fileObject
            let wanted: FltObjectKind = target.contextType == .file ? .file : target.contextType == .stream ? .stream : .streamHandle
            while let candidate = slotObject, candidate.kind != wanted {
                guard candidate.kind != .file else { return nil }
                slotObject = nodes[candidate]?.parent
            }
            guard let object = slotObject else { return nil }
            return (Slot(object: object, instance: instance), chainGone(instance) || chainGone(fileObject))
        }
    }

    // MARK: Reference counting

    /// Frees or queues a context whose count reached zero.
    mutating func settle(_ handle: FltContext, at level: IRQL, into prediction: inout Prediction) {
        guard let context = contexts[handle], context.state == .live, context.count == 0 else { return }
        if level >= .dispatch {
            contexts[handle]?.state = .queued
            queue.append(handle)
        } else {
            contexts[handle]?.state = .freed
            prediction.freedNow.append(handle)
        }
    }

    /// Unlinks the context in a slot; `handOver` gives the caller a reference first.
    mutating func unlink(_ slot: Slot, handOver: Bool, at level: IRQL, into prediction: inout Prediction) {
        guard let handle = links.removeValue(forKey: slot) else { return }
        contexts[handle]?.link = nil
        if handOver { contexts[handle]?.callerReferences += 1 }
        settle(handle, at: level, into: &prediction)
    }

    /// Runs the oldest work item.
    mutating func runWorkItem(into prediction: inout Prediction) -> Bool {
        guard !queue.isEmpty else { return false }
        let handle = queue.removeFirst()
        contexts[handle]?.state = .freed
        prediction.freedInWorkItem.append(handle)
        return true
    }

    /// Tears an object down at PASSIVE_LEVEL, dependents first.
    mutating func tearDown(_ object: FltObject, into prediction: inout Prediction) {
        guard nodes[object]?.gone == false else { return }
        let dependents = nodes.filter { $0.value.parent == object && !$0.value.gone }.map(\.key)
            .sorted { ($0.kind == .instance ? 0 : 1, $0.id) < ($1.kind == .instance ? 0 : 1, $1.id) }
        for dependent in dependents { tearDown(dependent, into: &prediction) }
        for slot in links.keys where slot.object == object || slot.instance == object {
            unlink(slot, handOver: false, at: .passive, into: &prediction)
        }
        nodes[object]?.gone = true
    }

    /// Whether a context argument is usable; counts a violation when it is not.
    func usable(_ handle: FltContext?, _ prediction: inout Prediction) -> Context? {
        guard let handle, let context = contexts[handle], context.state == .live else {
            prediction.violations += 1
            return nil
        }
        return context
    }
}
