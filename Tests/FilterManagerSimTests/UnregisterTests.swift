import ContextCore
import FilterManagerSim
import Testing

@Suite("FltUnregisterFilter")
struct UnregisterTests {
    @Test("tears down every object of the filter; with every reference matched, 0 live")
    func clean() throws {
        let fixture = try MachineFixture()
        _ = try fixture.attachedStreamContext()
        let volumeContext = try fixture.allocate(.volume)
        #expect(try fixture.machine.setContext(on: .volume(fixture.volume), operation: .keepIfExists, new: volumeContext, old: nil) == .success)
        try fixture.machine.releaseContext(volumeContext)
        try fixture.machine.unregisterFilter(fixture.filter)
        #expect(fixture.machine.table.liveCount() == 0)
        #expect(fixture.machine.takeCleanups().count == 2)
        #expect(fixture.machine.takeReports().isEmpty)
        #expect(fixture.machine.isTornDown(fixture.instance))
    }

    @Test("a missing release is reported with the line that took the reference")
    func leak() throws {
        let fixture = try MachineFixture()
        _ = try fixture.attachedStreamContext()
        fixture.machine.location = "line 7"
        let held = try #require(try fixture.get(fixture.streamTarget))
        fixture.machine.location = "line 20"
        try fixture.machine.unregisterFilter(fixture.filter)
        let violations = fixture.violations()
        #expect(violations.count == 1)
        #expect(violations.first?.contains("leaked context#1") == true)
        #expect(violations.first?.contains("FltGetStreamContext at line 7") == true)
        // The simulator waits for nothing; the leaked context stays live until released.
        #expect(fixture.machine.referenceCount(of: held) == 1)
        try fixture.machine.releaseContext(held)
        #expect(fixture.machine.table.liveCount() == 0)
    }

    @Test("pending work items run first")
    func drainsWorkQueue() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate()
        fixture.machine.setIRQL(.dispatch)
        try fixture.machine.releaseContext(context)
        fixture.machine.setIRQL(.passive)
        try fixture.machine.unregisterFilter(fixture.filter)
        #expect(fixture.machine.queuedWorkItems == 0)
        #expect(fixture.machine.table.liveCount() == 0)
        #expect(fixture.machine.takeCleanups().first?.inWorkItem == true)
    }

    /// FltUnregisterFilter page: IRQL <= APC_LEVEL; ReactOS's implementation makes only APC-safe calls.
    @Test("at APC_LEVEL: allowed; above it: bug check; twice: verifier report")
    func rules() throws {
        let fixture = try MachineFixture()
        try fixture.machine.unregisterFilter(fixture.filter)
        try fixture.machine.unregisterFilter(fixture.filter)
        #expect(fixture.violations().count == 1)
        let atAPC = try MachineFixture()
        atAPC.machine.setIRQL(.apc)
        try atAPC.machine.unregisterFilter(atAPC.filter)
        #expect(atAPC.machine.isUnregistered)
        let other = try MachineFixture()
        other.machine.setIRQL(.dispatch)
        #expect(throws: BugCheck.self) { try other.machine.unregisterFilter(other.filter) }
    }
}
