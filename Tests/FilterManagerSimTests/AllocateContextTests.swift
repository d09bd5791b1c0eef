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
        let entry = ContextRegistration(type: .stream, size: 64, tag: "sctx", flags: ContextRegistration.noExactSizeMatch)
        let fixture = try MachineFixture(registrations: [entry])
        let machine = fixture.machine
        #expect(try machine.allocateContext(filter: fixture.filter, type: .file, size: 8, pool: .nonPaged, context: OutParameter()) == .contextAllocationNotFound)
        #expect(try machine.allocateContext(filter: fixture.filter, type: .stream, size: 65, pool: .nonPaged, context: OutParameter()) == .contextAllocationNotFound)
        #expect(try machine.allocateContext(filter: fixture.filter, type: .stream, size: 64, pool: .nonPaged, context: OutParameter()) == .success)
        #expect(try machine.allocateContext(filter: fixture.filter, type: .stream, size: 1, pool: .nonPaged, context: OutParameter()) == .success)
    }

    /// FLT_CONTEXT_REGISTRATION page, Flags: without FLTFL_CONTEXT_REGISTRATION_NO_EXACT_SIZE_MATCH a
    /// fixed-size entry serves only its exact size.
    @Test("a fixed size without NO_EXACT_SIZE_MATCH serves only that size")
    func exactSize() throws {
        let fixture = try MachineFixture(registrations: [ContextRegistration(type: .stream, size: 64, tag: "sctx")])
        let machine = fixture.machine
        #expect(try machine.allocateContext(filter: fixture.filter, type: .stream, size: 16, pool: .nonPaged, context: OutParameter()) == .contextAllocationNotFound)
        #expect(try machine.allocateContext(filter: fixture.filter, type: .stream, size: 64, pool: .nonPaged, context: OutParameter()) == .success)
    }

    /// Driver Verifier: a PagedPool allocation above APC_LEVEL is bug check 0xC4 with Parameter 1
    /// 0x01 (the IRQL, the pool type, the size follow): "Bug Check 0xC4" page, parameter table.
    @Test("paged allocation at DISPATCH_LEVEL under verifier: bug check 0xC4 0x01")
    func verifierPagedAllocation() throws {
        let fixture = try MachineFixture()
        fixture.machine.verifier = true
        fixture.machine.setIRQL(.dispatch)
        #expect(throws: BugCheck.self) {
            _ = try fixture.machine.allocateContext(filter: fixture.filter, type: .stream, size: 8, pool: .paged, context: OutParameter())
        }
        #expect(fixture.machine.bugCheck?.code == 0xC4)
        #expect(fixture.machine.bugCheck?.parameters == [0x01, 2, 1, 8])
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

    /// FLT_CONTEXT_REGISTRATION page: identical entries are accepted and only the first is used;
    /// PoolTag is required when there is no ContextAllocateCallback (ReactOS FltpRegisterContexts:
    /// STATUS_FLT_INVALID_CONTEXT_REGISTRATION).
    @Test("registrations: duplicates accepted, an invalid type or a zero tag without an allocate callback refused")
    func registrations() throws {
        let machine = FilterManager()
        _ = try machine.registerFilter(named: "f")
        #expect(try machine.addRegistration(ContextRegistration(type: .stream, size: nil, tag: "a")) == .success)
        #expect(try machine.addRegistration(ContextRegistration(type: .stream, size: nil, tag: "a")) == .success)
        #expect(try machine.addRegistration(ContextRegistration(type: .stream, size: 64, tag: "b")) == .success)
        #expect(try machine.addRegistration(ContextRegistration(type: .stream, size: 64)) == .invalidContextRegistration)
        #expect(try machine.addRegistration(ContextRegistration(type: .file, size: 64, allocateCallback: "Alloc")) == .success)
        #expect(try machine.addRegistration(ContextRegistration(type: ContextType(rawValue: 0x80), size: 8, tag: "c")) == .invalidContextRegistration)
        #expect(machine.contextRegistrations.count == 4)
        #expect(throws: FltSetupError.self) { _ = try machine.registerFilter(named: "second") }
    }
}
