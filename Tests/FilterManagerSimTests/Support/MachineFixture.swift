import ContextCore
import FilterManagerSim
import Testing

/// A machine with a registered filter, a volume, an instance on it, a stream and a handle to the
/// stream, ready for context calls.
struct MachineFixture {
    let machine: FilterManager
    let filter: FltObject
    let volume: FltObject
    let instance: FltObject
    let stream: FltObject
    let handle: FltObject

    /// Registrations for every attachable type: variable size, with a cleanup callback named after the type.
    static let everyType: [ContextRegistration] = [
        ContextType.volume, .instance, .file, .stream, .streamHandle, .transaction,
    ].map { ContextRegistration(type: $0, size: nil, tag: "test", cleanup: "\(ContextRegistration.stem(of: $0))Cleanup") }

    init(registrations: [ContextRegistration] = MachineFixture.everyType) throws {
        machine = FilterManager()
        filter = try machine.registerFilter(named: "filter")
        for registration in registrations {
            #expect(try machine.addRegistration(registration) == .success)
        }
        volume = machine.mountVolume(named: "C")
        instance = try machine.attachInstance(named: "inst", to: volume)
        stream = try machine.createStream(named: "s1", in: volume)
        handle = try machine.openHandle(named: "h1", on: stream)
    }

    /// Allocates a context, requiring success.
    func allocate(_ type: ContextType = .stream, size: UInt64 = 64, pool: PoolType = .nonPaged) throws -> FltContext {
        let context = OutParameter<FltContext?>()
        #expect(try machine.allocateContext(filter: filter, type: type, size: size, pool: pool, context: context) == .success)
        return try #require(context.value)
    }

    /// The context `FltGetXxxContext` writes for a target (nil when it fails), with a reference.
    func get(_ target: ContextTarget) throws -> FltContext? {
        let context = OutParameter<FltContext?>()
        _ = try machine.getContext(on: target, context: context)
        return context.value
    }

    /// The stream target through the fixture's instance and handle.
    var streamTarget: ContextTarget { .stream(instance: instance, fileObject: handle) }

    /// Allocates a stream context, attaches it to the stream and releases the caller's reference:
    /// the link holds it with a count of 1.
    func attachedStreamContext(pool: PoolType = .nonPaged) throws -> FltContext {
        let context = try allocate(.stream, pool: pool)
        #expect(try machine.setContext(on: streamTarget, operation: .keepIfExists, new: context, old: nil) == .success)
        try machine.releaseContext(context)
        #expect(machine.referenceCount(of: context) == 1)
        return context
    }

    /// The violations reported since the last call, as messages.
    func violations() -> [String] {
        machine.takeReports().filter { $0.severity == .violation }.map(\.message)
    }
}
