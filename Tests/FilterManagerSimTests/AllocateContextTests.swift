import ContextCore
import FilterManagerSim
import Testing

@Suite("FltAllocateContext")
struct AllocateContextTests {
    @Test("success: count 1, unlinked, one allocate in the ledger")
    func success() throws {
        let fixture = try MachineFixture()
        let context = try fixture.allocate(.stream, size: 64)
        #expect(fixture.machine.referenceCount(of: context) == 1)
        #expect(fixture.machine.linkedObject(of: context) == nil)
        #expect(fixture.machine.table.ledger.totals[.allocate] == 1)
        #expect(fixture.machine.table.liveCount(of: FilterManager.contextKind) == 1)
    }

    @Test("type not registered, or size above the fixed registered size: ALLOCATION_NOT_FOUND")
    func notFound() throws {
        let fixture = try MachineFixture(registrations: [ContextRegistration(type: .stream, size: 64)])
        let machine = fixture.machine
        #expect(try machine.allocateContext(filter: fixture.filter, type: .file, size: 8, pool: .nonPaged, context: OutParameter()) == .contextAllocationNotFound)
        #expect(try machine.allocateContext(filter: fixture.filter, type: .stream, size: 65, pool: .nonPaged, context: OutParameter()) == .contextAllocationNotFound)
        #expect(try machine.allocateContext(filter: fixture.filter, type: .stream, size: 64, pool: .nonPaged, context: OutParameter()) == .success)
        #expect(try machine.allocateContext(filter: fixture.filter, type: .stream, size: 1, pool: .nonPaged, context: OutParameter()) == .success)
    }

    @Test("size above 0xFFFF: INVALID_BUFFER_SIZE, even with a variable-size registration")
    func bufferSize() throws {
        let fixture = try MachineFixture()
        let context = OutParameter<FltContext?>()
        let status = try fixture.machine.allocateContext(
            filter: fixture.filter, type: .stream, size: 0x10000, pool: .nonPaged, context: context)
        #expect(status == .invalidBufferSize)
        #expect(status.description == "STATUS_INVALID_BUFFER_SIZE (0xC0000206)")
        #expect(context.value == nil)
    }

    @Test("bad type, size 0 or bad pool: INVALID_PARAMETER", arguments: [
        (ContextType(rawValue: 0x3), UInt64(8), PoolType.nonPaged),
        (ContextType(rawValue: 0), UInt64(8), PoolType.nonPaged),
        (ContextType.stream, UInt64(0), PoolType.nonPaged),
        (ContextType.stream, UInt64(8), PoolType(rawValue: 7)),
    ])
    func invalidParameter(type: ContextType, size: UInt64, pool: PoolType) throws {
        let fixture = try MachineFixture()
        #expect(try fixture.machine.allocateContext(filter: fixture.filter, type: type, size: size, pool: pool, context: OutParameter()) == .invalidParameter)
        #expect(fixture.machine.table.liveCount() == 0)
    }

    @Test("something other than the filter: INVALID_PARAMETER")
    func notTheFilter() throws {
        let fixture = try MachineFixture()
        #expect(try fixture.machine.allocateContext(filter: fixture.volume, type: .stream, size: 8, pool: .nonPaged, context: OutParameter()) == .invalidParameter)
        #expect(try fixture.machine.allocateContext(filter: nil, type: .stream, size: 8, pool: .nonPaged, context: OutParameter()) == .invalidParameter)
    }

    @Test("filter unregistering: DELETING_OBJECT")
    func deletingObject() throws {
        let fixture = try MachineFixture()
        try fixture.machine.unregisterFilter(fixture.filter)
        #expect(try fixture.machine.allocateContext(filter: fixture.filter, type: .stream, size: 8, pool: .nonPaged, context: OutParameter()) == .deletingObject)
    }

    @Test("low memory: INSUFFICIENT_RESOURCES")
    func lowMemory() throws {
        let fixture = try MachineFixture()
        fixture.machine.lowMemory = true
        #expect(try fixture.machine.allocateContext(filter: fixture.filter, type: .stream, size: 8, pool: .nonPaged, context: OutParameter()) == .insufficientResources)
    }

    @Test("a volume context from PagedPool is accepted with a verifier warning")
    func pagedVolumeContext() throws {
        let fixture = try MachineFixture()
        _ = try fixture.allocate(.volume, pool: .paged)
        let reports = fixture.machine.takeReports()
        #expect(reports.count == 1)
        #expect(reports.first?.severity == .warning)
        #expect(reports.first?.description.hasPrefix("VERIFIER WARNING:") == true)
    }

    @Test("above APC_LEVEL: bug check 0xD1")
    func atDispatch() throws {
        let fixture = try MachineFixture()
        fixture.machine.setIRQL(.dispatch)
        #expect(throws: BugCheck.self) {
            _ = try fixture.machine.allocateContext(filter: fixture.filter, type: .stream, size: 8, pool: .nonPaged, context: OutParameter())
        }
        #expect(fixture.machine.bugCheck?.code == 0xD1)
    }

    @Test("registrations: an invalid type or a duplicate type and size is INVALID_CONTEXT_REGISTRATION")
    func registrations() throws {
        let machine = FilterManager()
        _ = try machine.registerFilter(named: "f")
        #expect(try machine.addRegistration(ContextRegistration(type: .stream, size: nil)) == .success)
        #expect(try machine.addRegistration(ContextRegistration(type: .stream, size: nil)) == .invalidContextRegistration)
        #expect(try machine.addRegistration(ContextRegistration(type: .stream, size: 64)) == .success)
        #expect(try machine.addRegistration(ContextRegistration(type: .stream, size: 64)) == .invalidContextRegistration)
        #expect(try machine.addRegistration(ContextRegistration(type: ContextType(rawValue: 0x80), size: 8)) == .invalidContextRegistration)
        #expect(machine.contextRegistrations.count == 2)
        #expect(throws: FltSetupError.self) { _ = try machine.registerFilter(named: "second") }
    }
}
