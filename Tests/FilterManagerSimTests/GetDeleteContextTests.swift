import ContextCore
import FilterManagerSim
import Testing

@Suite("FltGetXxxContext, FltDeleteXxxContext, FltDeleteContext, FltGetContexts")
struct GetDeleteContextTests {
    @Test("get: SUCCESS and count + 1; none attached: NOT_FOUND")
    func get() throws {
        let fixture = try MachineFixture()
        #expect(try fixture.machine.getContext(on: fixture.streamTarget, context: OutParameter()) == .notFound)
        let context = try fixture.attachedStreamContext()
        let found = OutParameter<FltContext?>()
        #expect(try fixture.machine.getContext(on: fixture.streamTarget, context: found) == .success)
        #expect(found.value == context)
        #expect(fixture.machine.referenceCount(of: context) == 2)
        // The stream context is reachable through any handle of the stream, or the stream itself.
        let second = try fixture.machine.openHandle(named: "h2", on: fixture.stream)
        #expect(try fixture.get(.stream(instance: fixture.instance, fileObject: second)) == context)
        #expect(try fixture.get(.stream(instance: fixture.instance, fileObject: fixture.stream)) == context)
        #expect(try fixture.machine.getContext(on: .streamHandle(instance: fixture.instance, fileObject: second), context: OutParameter()) == .notFound)
    }

    @Test("contexts are per instance: another instance on the volume does not see them")
    func perInstance() throws {
        let fixture = try MachineFixture()
        _ = try fixture.attachedStreamContext()
        let other = try fixture.machine.attachInstance(named: "second", to: fixture.volume)
        #expect(try fixture.machine.getContext(on: .stream(instance: other, fileObject: fixture.handle), context: OutParameter()) == .notFound)
    }

    @Test("FltReferenceContext: count + 1, matched by a release")
    func reference() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate()
        try fixture.machine.referenceContext(context)
        #expect(fixture.machine.referenceCount(of: context) == 2)
        try fixture.machine.releaseContext(context)
        try fixture.machine.releaseContext(context)
        #expect(fixture.machine.referenceCount(of: context) == nil)
        #expect(fixture.violations().isEmpty)
    }

    @Test("FltDeleteXxxContext: unlinks, drops the link's reference, returns the context referenced")
    func deleteTarget() throws {
        let fixture = try MachineFixture()
        let context = try fixture.attachedStreamContext()
        let old = OutParameter<FltContext?>()
        #expect(try fixture.machine.deleteContext(on: fixture.streamTarget, old: old) == .success)
        #expect(old.value == context)
        #expect(fixture.machine.referenceCount(of: context) == 1)
        #expect(fixture.machine.linkedObject(of: context) == nil)
        #expect(try fixture.machine.deleteContext(on: fixture.streamTarget, old: OutParameter()) == .notFound)
        try fixture.machine.releaseContext(context)
        #expect(fixture.machine.takeCleanups().count == 1)
    }

    @Test("FltDeleteXxxContext without OldContext frees an otherwise unreferenced context")
    func deleteTargetWithoutOld() throws {
        let fixture = try MachineFixture()
        let context = try fixture.attachedStreamContext()
        #expect(try fixture.machine.deleteContext(on: fixture.streamTarget, old: nil) == .success)
        #expect(fixture.machine.referenceCount(of: context) == nil)
    }

    @Test("FltDeleteXxxContext on an object going away: DELETING_OBJECT")
    func deleteTargetDeleting() throws {
        let fixture = try MachineFixture()
        _ = try fixture.attachedStreamContext()
        try fixture.machine.tearDown(fixture.instance)
        #expect(try fixture.machine.deleteContext(on: fixture.streamTarget, old: nil) == .deletingObject)
    }

    @Test("FltDeleteContext: unlinks and drops the link's reference; the caller's reference remains")
    func deleteContext() throws {
        let fixture = try MachineFixture()
        let context = try fixture.attachedStreamContext()
        let held = try #require(try fixture.get(fixture.streamTarget))
        try fixture.machine.deleteContext(held)
        #expect(fixture.machine.referenceCount(of: context) == 1)
        #expect(fixture.machine.attachedContext(on: fixture.streamTarget) == nil)
        try fixture.machine.deleteContext(held)  // not linked: no effect
        #expect(fixture.machine.referenceCount(of: context) == 1)
        try fixture.machine.releaseContext(held)
        #expect(fixture.machine.referenceCount(of: context) == nil)
        #expect(fixture.violations().isEmpty)
    }

    @Test("FltGetContexts references each desired context found; FltReleaseContexts releases each member")
    func relatedContexts() throws {
        let fixture = try MachineFixture()
        let stream = try fixture.attachedStreamContext()
        let volume = try fixture.allocate(.volume)
        #expect(try fixture.machine.setContext(on: .volume(fixture.volume), operation: .keepIfExists, new: volume, old: nil) == .success)
        try fixture.machine.releaseContext(volume)
        let related = OutParameter(RelatedContexts())
        try fixture.machine.getContexts(
            instance: fixture.instance, fileObject: fixture.handle, transaction: nil, desired: .all, contexts: related)
        let all = related.value
        #expect(all.stream == stream)
        #expect(all.volume == volume)
        #expect(all.instance == nil && all.file == nil && all.streamHandle == nil && all.transaction == nil)
        #expect(fixture.machine.referenceCount(of: stream) == 2)
        try fixture.machine.getContexts(
            instance: fixture.instance, fileObject: nil, transaction: nil, desired: .volume, contexts: related)
        let onlyVolume = related.value
        #expect(onlyVolume.volume == volume && onlyVolume.stream == nil)
        try fixture.machine.releaseContexts(all)
        try fixture.machine.releaseContexts(onlyVolume)
        #expect(fixture.machine.referenceCount(of: stream) == 1)
        #expect(fixture.machine.referenceCount(of: volume) == 1)
        #expect(fixture.violations().isEmpty)
    }
}
