import FilterManagerSim

/// One random sequence's world: the simulator and the reference model, built with the same
/// filter, registrations and objects, and the bookkeeping the comparison needs.
struct ModelWorld {
    let machine: FilterManager
    var model = ReferenceModel()
    let filter: FltObject
    var volumes: [FltObject] = []
    var instances: [FltObject] = []
    var files: [FltObject] = []
    var streams: [FltObject] = []
    var handles: [FltObject] = []
    var transactions: [FltObject] = []
    /// Every context ever allocated, newest last (stale ones stay, to be used after their free).
    var known: [FltContext] = []
    var allocated: Set<FltContext> = []
    var cleaned: Set<FltContext> = []

    /// The registrations of every sequence: variable size, except stream contexts (fixed 128 bytes).
    static let registrations: [ContextRegistration] = [
        ContextRegistration(type: .volume, size: nil, tag: "vctx", cleanup: "VolumeCleanup"),
        ContextRegistration(type: .instance, size: nil, tag: "ictx", cleanup: "InstanceCleanup"),
        ContextRegistration(type: .file, size: nil, tag: "fctx", cleanup: "FileCleanup"),
        ContextRegistration(
            type: .stream, size: 128, tag: "sctx", cleanup: "StreamCleanup", flags: ContextRegistration.noExactSizeMatch),
        ContextRegistration(type: .streamHandle, size: nil, tag: "hctx", cleanup: "HandleCleanup"),
        ContextRegistration(type: .transaction, size: nil, tag: "tctx", cleanup: "TransactionCleanup"),
    ]

    init() throws {
        machine = FilterManager(ledgerCapacity: 64)
        filter = try machine.registerFilter(named: "filter")
        model.add(filter, parent: nil, volume: nil)
        for registration in Self.registrations {
            _ = try machine.addRegistration(registration)
            model.registrations[registration.type] = registration.size
        }
        for name in ["C", "D"] {
            let volume = machine.mountVolume(named: name)
            volumes.append(volume)
            model.add(volume, parent: nil, volume: nil)
        }
        for (name, volume) in [("i1", volumes[0]), ("i2", volumes[0]), ("i3", volumes[1])] {
            let instance = try machine.attachInstance(named: name, to: volume)
            instances.append(instance)
            model.add(instance, parent: volume, volume: volume)
        }
        for (name, volume) in [("f1", volumes[0]), ("f2", volumes[1])] {
            let file = try machine.createFile(named: name, on: volume)
            files.append(file)
            model.add(file, parent: volume, volume: volume)
        }
        for (name, file) in [("s1", files[0]), ("s2", files[0]), ("s3", files[1])] {
            let stream = try machine.createStream(named: name, in: file)
            streams.append(stream)
            model.add(stream, parent: file, volume: model.nodes[file]?.volume)
        }
        for stream in streams + [streams[0]] {
            try openHandle(on: stream)
        }
        let transaction = machine.beginTransaction(named: "t1")
        transactions.append(transaction)
        model.add(transaction, parent: nil, volume: nil)
    }

    mutating func openHandle(on stream: FltObject) throws {
        let handle = try machine.openHandle(named: "h\(handles.count + 1)", on: stream)
        handles.append(handle)
        model.add(handle, parent: stream, volume: model.nodes[stream]?.volume)
    }

    /// Objects of the kinds given that are not torn down.
    func live(_ objects: [FltObject]) -> [FltObject] {
        objects.filter { model.nodes[$0]?.gone == false }
    }
}
