import ContextCore
import FilterManagerSim
import Testing

@Suite("FltSetXxxContext")
struct SetContextTests {
    @Test("no context on the object: linked, the link takes its own reference")
    func linksWithOwnReference() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate()
        let old = OutParameter<FltContext?>()
        #expect(try fixture.machine.setContext(on: fixture.streamTarget, operation: .keepIfExists, new: context, old: old) == .success)
        #expect(old.value == nil)
        #expect(fixture.machine.referenceCount(of: context) == 2)
        #expect(fixture.machine.linkedObject(of: context)?.object == fixture.stream)
        #expect(fixture.machine.attachedContext(on: fixture.streamTarget) == context)
    }

    @Test("every object kind takes its own context type", arguments: ["volume", "instance", "file", "stream", "streamHandle", "transaction"])
    func everyKind(kind: String) throws {
        let fixture = try MachineFixture()
        let transaction = fixture.machine.beginTransaction(named: "tx")
        let target: ContextTarget
        switch kind {
        case "volume": target = .volume(fixture.volume)
        case "instance": target = .instance(fixture.instance)
        case "file": target = .file(instance: fixture.instance, fileObject: fixture.handle)
        case "stream": target = .stream(instance: fixture.instance, fileObject: fixture.handle)
        case "streamHandle": target = .streamHandle(instance: fixture.instance, fileObject: fixture.handle)
        default: target = .transaction(instance: fixture.instance, transaction: transaction)
        }
        let context = try fixture.allocate(target.contextType)
        #expect(try fixture.machine.setContext(on: target, operation: .keepIfExists, new: context, old: nil) == .success)
        let wrongType: ContextType = target.contextType == .stream ? .file : .stream
        let other = try fixture.allocate(wrongType)
        #expect(try fixture.machine.setContext(on: target, operation: .replaceIfExists, new: other, old: nil) == .invalidParameter)
        let fetched = OutParameter<FltContext?>()
        #expect(try fixture.machine.getContext(on: target, context: fetched) == .success)
        #expect(fetched.value == context)
    }

    @Test("KEEP_IF_EXISTS and one exists: ALREADY_DEFINED, new untouched, old returned with a reference")
    func keepReturnsExistingReferenced() throws {
        let fixture = try MachineFixture()
        let existing = try fixture.attachedStreamContext()
        let loser = try fixture.allocate()
        let old = OutParameter<FltContext?>()
        let status = try fixture.machine.setContext(on: fixture.streamTarget, operation: .keepIfExists, new: loser, old: old)
        #expect(status == .contextAlreadyDefined)
        #expect(status.description == "STATUS_FLT_CONTEXT_ALREADY_DEFINED (0xC01C0002)")
        #expect(old.value == existing)
        #expect(fixture.machine.referenceCount(of: existing) == 2)
        #expect(fixture.machine.referenceCount(of: loser) == 1)
        #expect(fixture.machine.linkedObject(of: loser) == nil)
        #expect(fixture.machine.outstandingReferences(of: existing).first?.hasPrefix("FltSetStreamContext (OldContext)") == true)
    }

    @Test("KEEP_IF_EXISTS without OldContext takes no reference")
    func keepWithoutOld() throws {
        let fixture = try MachineFixture()
        let existing = try fixture.attachedStreamContext()
        let loser = try fixture.allocate()
        #expect(try fixture.machine.setContext(on: fixture.streamTarget, operation: .keepIfExists, new: loser, old: nil) == .contextAlreadyDefined)
        #expect(fixture.machine.referenceCount(of: existing) == 1)
    }

    @Test("REPLACE_IF_EXISTS: new linked (+1), old unlinked and returned with a reference")
    func replaceReturnsOldReferenced() throws {
        let fixture = try MachineFixture()
        let old = try fixture.attachedStreamContext()
        let new = try fixture.allocate()
        let returned = OutParameter<FltContext?>()
        #expect(try fixture.machine.setContext(on: fixture.streamTarget, operation: .replaceIfExists, new: new, old: returned) == .success)
        #expect(returned.value == old)
        #expect(fixture.machine.referenceCount(of: new) == 2)
        #expect(fixture.machine.referenceCount(of: old) == 1)
        #expect(fixture.machine.linkedObject(of: old) == nil)
        #expect(fixture.machine.attachedContext(on: fixture.streamTarget) == new)
        try fixture.machine.releaseContext(old)
        #expect(fixture.machine.referenceCount(of: old) == nil)
        #expect(fixture.machine.takeCleanups().map(\.context) == [old])
    }

    @Test("REPLACE_IF_EXISTS without OldContext: the old context's link reference goes and it is freed")
    func replaceWithoutOld() throws {
        let fixture = try MachineFixture()
        let old = try fixture.attachedStreamContext()
        let new = try fixture.allocate()
        #expect(try fixture.machine.setContext(on: fixture.streamTarget, operation: .replaceIfExists, new: new, old: nil) == .success)
        #expect(fixture.machine.referenceCount(of: old) == nil)
        #expect(fixture.machine.takeCleanups().map(\.context) == [old])
    }

    @Test("new already linked anywhere: ALREADY_LINKED")
    func alreadyLinked() throws {
        let fixture = try MachineFixture()
        let context = try fixture.attachedStreamContext()
        let other = try fixture.machine.createStream(named: "s2", in: fixture.volume)
        let status = try fixture.machine.setContext(
            on: .stream(instance: fixture.instance, fileObject: other), operation: .keepIfExists, new: context, old: nil)
        #expect(status == .contextAlreadyLinked)
        #expect(try fixture.machine.setContext(on: fixture.streamTarget, operation: .replaceIfExists, new: context, old: nil) == .contextAlreadyLinked)
        #expect(fixture.machine.referenceCount(of: context) == 1)
    }

    @Test("object being torn down: DELETING_OBJECT")
    func deletingObject() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate()
        try fixture.machine.tearDown(fixture.handle)
        #expect(try fixture.machine.setContext(on: fixture.streamTarget, operation: .keepIfExists, new: context, old: nil) == .deletingObject)
        let fresh = try fixture.machine.openHandle(named: "h2", on: fixture.stream)
        try fixture.machine.tearDown(fixture.instance)
        let viaDetached = ContextTarget.stream(instance: fixture.instance, fileObject: fresh)
        #expect(try fixture.machine.setContext(on: viaDetached, operation: .keepIfExists, new: context, old: nil) == .deletingObject)
        #expect(fixture.machine.referenceCount(of: context) == 1)
    }

    @Test("bad operation, NULL new, wrong object kinds: INVALID_PARAMETER")
    func invalidParameter() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate()
        let machine = fixture.machine
        #expect(try machine.setContext(on: fixture.streamTarget, operation: SetOperation(rawValue: 3), new: context, old: nil) == .invalidParameter)
        #expect(try machine.setContext(on: fixture.streamTarget, operation: .keepIfExists, new: nil, old: nil) == .invalidParameter)
        let swapped = ContextTarget.stream(instance: fixture.handle, fileObject: fixture.instance)
        #expect(try machine.setContext(on: swapped, operation: .keepIfExists, new: context, old: nil) == .invalidParameter)
        let onStream = ContextTarget.streamHandle(instance: fixture.instance, fileObject: fixture.stream)
        let handleContext = try fixture.allocate(.streamHandle)
        #expect(try machine.setContext(on: onStream, operation: .keepIfExists, new: handleContext, old: nil) == .invalidParameter)
        #expect(try machine.setContext(on: .volume(.invalid), operation: .keepIfExists, new: context, old: nil) == .invalidParameter)
        #expect(machine.referenceCount(of: context) == 1)
    }

    @Test("a file system without stream contexts: NOT_SUPPORTED")
    func notSupported() throws {
        let fixture = try MachineFixture()
        let fat = fixture.machine.mountVolume(named: "A", supportsStreamContexts: false)
        let instance = try fixture.machine.attachInstance(named: "ia", to: fat)
        let stream = try fixture.machine.createStream(named: "sa", in: fat)
        let context = try fixture.allocate()
        let target = ContextTarget.stream(instance: instance, fileObject: stream)
        #expect(try fixture.machine.setContext(on: target, operation: .keepIfExists, new: context, old: nil) == .notSupported)
        #expect(try fixture.machine.getContext(on: target, context: OutParameter()) == .notSupported)
    }

    @Test("above APC_LEVEL: bug check")
    func atDispatch() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate()
        fixture.machine.setIRQL(.dispatch)
        #expect(throws: BugCheck.self) {
            _ = try fixture.machine.setContext(on: fixture.streamTarget, operation: .keepIfExists, new: context, old: nil)
        }
    }
}
