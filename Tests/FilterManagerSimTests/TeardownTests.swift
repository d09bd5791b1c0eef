import ContextCore
import FilterManagerSim
import Testing

@Suite("Object teardown")
struct TeardownTests {
    @Test("allocate-set-release leaves count 1 held by the link; teardown frees it, cleanup once")
    func linkHoldsUntilTeardown() throws {
        let fixture = try MachineFixture()
        let context = try fixture.attachedStreamContext()
        #expect(fixture.machine.takeCleanups().isEmpty)
        let unlinked = try fixture.machine.tearDown(fixture.stream)
        #expect(unlinked.map(\.context) == [context])
        #expect(unlinked.first?.object == fixture.stream)
        #expect(fixture.machine.referenceCount(of: context) == nil)
        let cleanups = fixture.machine.takeCleanups()
        #expect(cleanups.map(\.context) == [context])
        #expect(cleanups.first?.callback == "StreamCleanup")
        #expect(fixture.machine.table.liveCount() == 0)
    }

    @Test("a context still referenced survives teardown, unlinked")
    func referencedSurvives() throws {
        let fixture = try MachineFixture()
        let context = try fixture.attachedStreamContext()
        let held = try #require(try fixture.get(fixture.streamTarget))
        try fixture.machine.tearDown(fixture.handle)
        #expect(fixture.machine.referenceCount(of: context) == 2)
        try fixture.machine.tearDown(fixture.stream)
        #expect(fixture.machine.referenceCount(of: context) == 1)
        #expect(fixture.machine.linkedObject(of: context) == nil)
        #expect(try fixture.machine.getContext(on: fixture.streamTarget, context: OutParameter()) == .notFound)
        try fixture.machine.releaseContext(held)
        #expect(fixture.machine.takeCleanups().count == 1)
    }

    @Test("closing a handle deletes its stream handle contexts; the stream's stay")
    func closeHandle() throws {
        let fixture = try MachineFixture()
        let streamContext = try fixture.attachedStreamContext()
        let handleContext = try fixture.allocate(.streamHandle)
        let target = ContextTarget.streamHandle(instance: fixture.instance, fileObject: fixture.handle)
        #expect(try fixture.machine.setContext(on: target, operation: .keepIfExists, new: handleContext, old: nil) == .success)
        try fixture.machine.releaseContext(handleContext)
        try fixture.machine.tearDown(fixture.handle)
        #expect(fixture.machine.referenceCount(of: handleContext) == nil)
        #expect(fixture.machine.referenceCount(of: streamContext) == 1)
    }

    @Test("detaching an instance deletes every context it set, on every object")
    func detach() throws {
        let fixture = try MachineFixture()
        let other = try fixture.machine.attachInstance(named: "other", to: fixture.volume)
        let mine = try fixture.attachedStreamContext()
        let theirs = try fixture.allocate()
        let theirTarget = ContextTarget.stream(instance: other, fileObject: fixture.handle)
        #expect(try fixture.machine.setContext(on: theirTarget, operation: .keepIfExists, new: theirs, old: nil) == .success)
        try fixture.machine.releaseContext(theirs)
        let instanceContext = try fixture.allocate(.instance)
        #expect(try fixture.machine.setContext(on: .instance(fixture.instance), operation: .keepIfExists, new: instanceContext, old: nil) == .success)
        try fixture.machine.releaseContext(instanceContext)
        try fixture.machine.tearDown(fixture.instance)
        #expect(fixture.machine.referenceCount(of: mine) == nil)
        #expect(fixture.machine.referenceCount(of: instanceContext) == nil)
        #expect(fixture.machine.referenceCount(of: theirs) == 1)
    }

    @Test("a dismount detaches the instances, closes the files and deletes the volume context")
    func dismount() throws {
        let fixture = try MachineFixture()
        _ = try fixture.attachedStreamContext()
        let volumeContext = try fixture.allocate(.volume)
        #expect(try fixture.machine.setContext(on: .volume(fixture.volume), operation: .keepIfExists, new: volumeContext, old: nil) == .success)
        try fixture.machine.releaseContext(volumeContext)
        try fixture.machine.tearDown(fixture.volume)
        #expect(fixture.machine.table.liveCount() == 0)
        #expect(fixture.machine.takeCleanups().count == 2)
        #expect(fixture.machine.isTornDown(fixture.instance))
        #expect(fixture.machine.isTornDown(fixture.handle))
        #expect(throws: FltSetupError.self) { try fixture.machine.tearDown(fixture.volume) }
    }

    @Test("a transaction's end deletes its contexts")
    func transaction() throws {
        let fixture = try MachineFixture()
        let transaction = fixture.machine.beginTransaction(named: "tx")
        let context = try fixture.allocate(.transaction)
        let target = ContextTarget.transaction(instance: fixture.instance, transaction: transaction)
        #expect(try fixture.machine.setContext(on: target, operation: .keepIfExists, new: context, old: nil) == .success)
        try fixture.machine.releaseContext(context)
        try fixture.machine.tearDown(transaction)
        #expect(fixture.machine.referenceCount(of: context) == nil)
    }

    @Test("teardown runs at PASSIVE_LEVEL whatever the caller's IRQL, so paged contexts are freed at once")
    func teardownIsPassive() throws {
        let fixture = try MachineFixture()
        let context = try fixture.attachedStreamContext(pool: .paged)
        fixture.machine.setIRQL(.dispatch)
        try fixture.machine.tearDown(fixture.stream)
        #expect(fixture.machine.bugCheck == nil)
        #expect(fixture.machine.referenceCount(of: context) == nil)
        #expect(fixture.machine.takeCleanups().first?.irql == .passive)
    }
}
