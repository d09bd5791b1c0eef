import ContextCore
import FilterManagerSim
import Testing

@Suite("Use of a freed context")
struct FreedContextTests {
    @Test("any call on a freed context is a verifier report with the line, detected by the generation")
    func everyCall() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate()
        fixture.machine.location = "line 3"
        try fixture.machine.releaseContext(context)
        fixture.machine.location = "line 9"
        try fixture.machine.releaseContext(context)
        try fixture.machine.referenceContext(context)
        try fixture.machine.deleteContext(context)
        #expect(try fixture.machine.setContext(on: fixture.streamTarget, operation: .keepIfExists, new: context, old: nil) == .invalidParameter)
        let violations = fixture.violations()
        #expect(violations.count == 4)
        #expect(violations.allSatisfy { $0.hasPrefix("use of freed context context#1") && $0.contains("at line 9") })
        #expect(violations.first?.contains("freed at line 3") == true)
        let staleUses = fixture.machine.table.ledger.events.filter { $0.action == .staleUse }
        #expect(staleUses.count == 4)
    }

    @Test("a new context in the same slot is not confused with the freed one")
    func noABA() throws {
        let fixture = try MachineFixture()
        let first = try fixture.allocate()
        try fixture.machine.releaseContext(first)
        let second = try fixture.allocate()
        #expect(second.handle.slot == first.handle.slot)
        #expect(second != first)
        try fixture.machine.releaseContext(first)
        #expect(fixture.machine.referenceCount(of: second) == 1)
        #expect(fixture.violations().count == 1)
    }

    @Test("a context whose free is queued is already unusable")
    func queued() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate()
        fixture.machine.setIRQL(.dispatch)
        try fixture.machine.releaseContext(context)
        try fixture.machine.referenceContext(context)
        let violations = fixture.violations()
        #expect(violations.count == 1)
        #expect(violations.first?.contains("free queued as a work item") == true)
    }

    @Test("a value nobody allocated is reported as not a context")
    func stray() throws {
        let fixture = try MachineFixture()
        try fixture.machine.releaseContext(FltContext(rawValue: 0x1234))
        #expect(fixture.violations().first?.contains("is not a context") == true)
    }
}
