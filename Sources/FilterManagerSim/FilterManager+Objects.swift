import ContextCore

extension FilterManager {
    /// Registers the minifilter and starts filtering (`FltRegisterFilter` + `FltStartFiltering`);
    /// its context registrations are added with ``addRegistration(_:)``. One filter per machine.
    public func registerFilter(named name: String) throws(FltSetupError) -> FltObject {
        guard filter == nil else { throw FltSetupError("a filter is already registered: one filter per simulation") }
        let object = makeObject(.filter, name: name, parent: nil, volume: nil)
        filter = object
        return object
    }

    /// `FltRegisterFilter(Driver, Registration, &RetFilter)` with the registration's
    /// `FLT_CONTEXT_REGISTRATION` array: any invalid entry (see ``ContextRegistration/isValid``)
    /// fails the whole call with `STATUS_FLT_INVALID_CONTEXT_REGISTRATION` and registers nothing;
    /// otherwise the filter is registered and written to `filter`. Entries with the same type and
    /// size are all accepted; an allocation uses the first that fits (the FLT_CONTEXT_REGISTRATION
    /// page: "only the first is used").
    public func registerFilter(
        named name: String, contextRegistrations: [ContextRegistration], filter returned: OutParameter<FltObject?>
    ) throws(FltSetupError) -> NTStatus {
        guard filter == nil else { throw FltSetupError("a filter is already registered: one filter per simulation") }
        guard contextRegistrations.allSatisfy(\.isValid) else { return .invalidContextRegistration }
        returned.value = try registerFilter(named: name)
        registrations = contextRegistrations
        return .success
    }

    /// Adds one entry to the registered filter's `FLT_CONTEXT_REGISTRATION` array, checked as
    /// `FltRegisterFilter` checks each: an invalid entry gives `STATUS_FLT_INVALID_CONTEXT_REGISTRATION`
    /// and is not added.
    public func addRegistration(_ registration: ContextRegistration) throws(FltSetupError) -> NTStatus {
        guard filter != nil, !filterUnregistered else {
            throw FltSetupError("no registered filter to add a context registration to")
        }
        guard registration.isValid else { return .invalidContextRegistration }
        registrations.append(registration)
        return .success
    }

    /// The filter's context registrations, in the order they were added.
    public var contextRegistrations: [ContextRegistration] { registrations }

    /// Mounts a volume; `supportsStreamContexts: false` models a file system without
    /// FSRTL_ADVANCED_FCB_HEADER (no stream, stream handle or file contexts: `STATUS_NOT_SUPPORTED`).
    public func mountVolume(named name: String, supportsStreamContexts: Bool = true) -> FltObject {
        let volume = makeObject(.volume, name: name, parent: nil, volume: nil)
        objects[volume]?.supportsStreamContexts = supportsStreamContexts
        return volume
    }

    /// Attaches an instance of the filter to a volume.
    public func attachInstance(named name: String, to volume: FltObject) throws(FltSetupError) -> FltObject {
        guard filter != nil, !filterUnregistered else { throw FltSetupError("no registered filter to attach an instance of") }
        try requireLive(volume, kind: .volume, for: "an instance")
        return makeObject(.instance, name: name, parent: volume, volume: volume)
    }

    /// Creates a file on a volume.
    public func createFile(named name: String, on volume: FltObject) throws(FltSetupError) -> FltObject {
        try requireLive(volume, kind: .volume, for: "a file")
        return makeObject(.file, name: name, parent: volume, volume: volume)
    }

    /// Creates a stream of a file; given a volume or an instance, the stream is the default data
    /// stream of a new file on that volume.
    public func createStream(named name: String, in parent: FltObject) throws(FltSetupError) -> FltObject {
        var file = parent
        switch parent.kind {
        case .file:
            try requireLive(parent, kind: .file, for: "a stream")
        case .volume, .instance:
            let volume = parent.kind == .volume ? parent : objects[parent]?.volume
            guard let volume else { throw FltSetupError("no volume for the stream \(name)") }
            file = try createFile(named: "file of \(name)", on: volume)
        default:
            throw FltSetupError("a stream belongs to a file, a volume or an instance, not to the \(parent.kind) \(self.name(of: parent))")
        }
        return makeObject(.stream, name: name, parent: file, volume: objects[file]?.volume)
    }

    /// Opens a handle (a file object) on a stream.
    public func openHandle(named name: String, on stream: FltObject) throws(FltSetupError) -> FltObject {
        try requireLive(stream, kind: .stream, for: "a stream handle")
        return makeObject(.streamHandle, name: name, parent: stream, volume: objects[stream]?.volume)
    }

    /// Begins a transaction.
    public func beginTransaction(named name: String) -> FltObject {
        makeObject(.transaction, name: name, parent: nil, volume: nil)
    }

    /// Tears an object down as the system does, at PASSIVE_LEVEL: a handle closed, a stream or file
    /// closed (its handles and streams first), an instance detached (every context it set), a
    /// volume dismounted (its instances and files first), a transaction committed or rolled back.
    /// Each attached context is unlinked and its link's reference dropped; returns those contexts
    /// with the object each was attached to, in the order they were unlinked.
    @discardableResult
    public func tearDown(_ object: FltObject) throws(FltSetupError) -> [(context: FltContext, object: FltObject)] {
        guard let record = objects[object] else { throw FltSetupError("unknown object \(object)") }
        guard object.kind != .filter else { throw FltSetupError("the filter is torn down by FltUnregisterFilter") }
        guard !record.gone else { throw FltSetupError("the \(object.kind) \(record.name) is already torn down") }
        recorder.setMode(irql: .passive, inWorkItem: false)
        var unlinked: [(context: FltContext, object: FltObject)] = []
        tearDownTree(object, into: &unlinked)
        return unlinked
    }

    func tearDownTree(_ object: FltObject, into unlinked: inout [(context: FltContext, object: FltObject)]) {
        guard objects[object]?.gone == false else { return }
        let dependents = (children[object] ?? []).filter { objects[$0]?.gone == false }
        // A dismount detaches the instances before it closes the files.
        let ordered = dependents.sorted { ($0.kind == .instance ? 0 : 1, $0.id) < ($1.kind == .instance ? 0 : 1, $1.id) }
        for dependent in ordered {
            tearDownTree(dependent, into: &unlinked)
        }
        let keys = links.keys(touching: object)
            .sorted { ($0.object.id, $0.instance?.id ?? 0) < ($1.object.id, $1.instance?.id ?? 0) }
        for key in keys {
            if let context = links[key] { unlinked.append((context, key.object)) }
            unlink(key, at: .passive)
        }
        objects[object]?.gone = true
    }

    func makeObject(_ kind: FltObjectKind, name: String, parent: FltObject?, volume: FltObject?) -> FltObject {
        let object = FltObject(kind: kind, id: objectOrder.count + 1)
        objects[object] = ObjectRecord(object: object, name: name, parent: parent, volume: volume)
        objectOrder.append(object)
        if let parent { children[parent, default: []].append(object) }
        return object
    }

    func requireLive(_ object: FltObject, kind: FltObjectKind, for purpose: String) throws(FltSetupError) {
        guard object.kind == kind, let record = objects[object] else {
            throw FltSetupError("\(purpose) needs a \(kind), not the \(object.kind) \(name(of: object))")
        }
        guard !record.gone else { throw FltSetupError("the \(kind) \(record.name) is torn down") }
    }
}
