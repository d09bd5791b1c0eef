import ContextCore
import FilterManagerSim
import Testing

@Suite("FltReleaseContext and the IRQL rules")
struct ReleaseContextTests {
    @Test("count > 1: count - 1; at zero the cleanup callback runs, then the free, at once", arguments: [IRQL.passive, .apc])
    func releaseBelowDispatch(level: IRQL) throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate()
        try fixture.machine.referenceContext(context)
        fixture.machine.setIRQL(level)
        try fixture.machine.releaseContext(context)
        #expect(fixture.machine.referenceCount(of: context) == 1)
        #expect(fixture.machine.takeCleanups().isEmpty)
        try fixture.machine.releaseContext(context)
        #expect(fixture.machine.referenceCount(of: context) == nil)
        let cleanups = fixture.machine.takeCleanups()
        #expect(cleanups.count == 1)
        #expect(cleanups.first?.irql == level)
        #expect(cleanups.first?.inWorkItem == false)
        #expect(fixture.machine.table.ledger.events.last?.action == .free)
    }

    @Test("at DISPATCH_LEVEL a nonpaged context's free is queued; the work item runs the cleanup, then frees", arguments: [PoolType.nonPaged, .nonPagedNx])
    func releaseAtDispatchQueues(pool: PoolType) throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate(.stream, pool: pool)
        fixture.machine.setIRQL(.dispatch)
        try fixture.machine.releaseContext(context)
        #expect(fixture.machine.queuedWorkItems == 1)
        #expect(fixture.machine.takeCleanups().isEmpty)
        #expect(fixture.machine.referenceCount(of: context) == nil)
        #expect(fixture.machine.table.ledger.events.last?.action == .queued)
        #expect(fixture.machine.table.liveCount() == 1)
        fixture.machine.setIRQL(.passive)
        let freed = try #require(fixture.machine.runWorkItem())
        #expect(freed.count == 1)
        let cleanups = fixture.machine.takeCleanups()
        #expect(cleanups.count == 1)
        #expect(cleanups.first?.inWorkItem == true)
        #expect(cleanups.first?.irql == .passive)
        let actions = fixture.machine.table.ledger.events.map(\.action)
        #expect(actions.suffix(2) == [.queued, .free])
        #expect(fixture.machine.table.liveCount() == 0)
        #expect(fixture.machine.runWorkItem() == nil)
    }

    @Test("the work queue can be stepped or drained")
    func drain() throws {
        let fixture = try MachineFixture()
        let contexts = try (0..<3).map { _ in try fixture.allocate() }
        fixture.machine.setIRQL(.dispatch)
        for context in contexts { try fixture.machine.releaseContext(context) }
        #expect(fixture.machine.queuedWorkItems == 3)
        #expect(fixture.machine.runWorkItem()?.count == 1)
        #expect(fixture.machine.runAllWorkItems().count == 2)
        #expect(fixture.machine.takeCleanups().map(\.context) == contexts)
    }

    @Test("a paged context released at DISPATCH_LEVEL is bug check 0xD1 naming the rule and the line")
    func pagedAtDispatch() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate(.stream, pool: .paged)
        fixture.machine.setIRQL(.dispatch)
        fixture.machine.location = "line 12"
        let check = #expect(throws: BugCheck.self) { try fixture.machine.releaseContext(context) }
        #expect(check?.code == 0xD1)
        #expect(check?.name == "DRIVER_IRQL_NOT_LESS_OR_EQUAL")
        #expect(check?.description.hasPrefix("BUGCHECK 0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL (") == true)
        #expect(check?.description.contains(" at line 12: ") == true)
        #expect(check?.rule.contains("paged context must be released at IRQL <= APC_LEVEL") == true)
        // The machine stays stopped.
        fixture.machine.setIRQL(.passive)
        #expect(throws: BugCheck.self) { try fixture.machine.releaseContext(context) }
        #expect(fixture.machine.referenceCount(of: context) == 1)
    }

    /// FltReferenceContext page: IRQL <= DISPATCH_LEVEL, with no paged-pool limit (unlike
    /// FltReleaseContext's page): a reference frees nothing.
    @Test("a paged context referenced at DISPATCH_LEVEL: allowed, count + 1")
    func pagedReferenceAtDispatch() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate(.stream, pool: .paged)
        fixture.machine.setIRQL(.dispatch)
        try fixture.machine.referenceContext(context)
        #expect(fixture.machine.referenceCount(of: context) == 2)
        #expect(fixture.machine.bugCheck == nil)
    }

    /// Bug Check 0xC4 page, Parameter 1 0x11: paged pool freed above APC_LEVEL, under Driver Verifier.
    @Test("a paged context released at DISPATCH_LEVEL: 0xD1 without verifier, 0xC4 0x11 with it")
    func pagedReleaseCodes() throws {
        let plain = try MachineFixture()
        let context = try plain.allocate(.stream, pool: .paged)
        plain.machine.setIRQL(.dispatch)
        #expect(throws: BugCheck.self) { try plain.machine.releaseContext(context) }
        #expect(plain.machine.bugCheck?.code == 0xD1)
        #expect(plain.machine.bugCheck?.parameters[1] == 2)
        let verified = try MachineFixture()
        verified.machine.verifier = true
        let paged = try verified.allocate(.stream, pool: .paged)
        verified.machine.setIRQL(.dispatch)
        #expect(throws: BugCheck.self) { try verified.machine.releaseContext(paged) }
        #expect(verified.machine.bugCheck?.code == 0xC4)
        #expect(verified.machine.bugCheck?.parameters.prefix(3) == [0x11, 2, 1])
    }

    @Test("any release above DISPATCH_LEVEL is a bug check, nonpaged too")
    func aboveDispatch() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate()
        fixture.machine.setIRQL(IRQL(rawValue: 5))
        #expect(throws: BugCheck.self) { try fixture.machine.releaseContext(context) }
    }

    @Test("releasing the reference the link holds is reported, and the context is unlinked")
    func overRelease() throws {
        let fixture = try MachineFixture()
        let context = try fixture.attachedStreamContext()
        try fixture.machine.releaseContext(context)
        let violations = fixture.violations()
        #expect(violations.count == 1)
        #expect(violations.first?.contains("more releases than references") == true)
        #expect(fixture.machine.referenceCount(of: context) == nil)
        #expect(fixture.machine.attachedContext(on: fixture.streamTarget) == nil)
        #expect(fixture.machine.takeCleanups().count == 1)
    }

    @Test("NULL is a verifier report, not a crash")
    func null() throws {
        let fixture = try MachineFixture()
        try fixture.machine.releaseContext(nil)
        #expect(fixture.violations().first?.contains("NULL") == true)
    }
}
