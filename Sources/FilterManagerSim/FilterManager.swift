import ContextCore

/// A simulated machine running one minifilter under the Filter Manager: the filter and its context
/// registrations, volumes, instances, files, streams, stream handles and transactions, the
/// contexts attached to them, the current IRQL and the system work queue.
///
/// Contexts live in a ``HandleTable`` of the core (kind `context`), so the ledger shows every
/// allocate, reference, release, queued and freed context, and a context used after its last
/// release is recognised by its handle's generation. The routines follow fltkernel.h: same names,
/// parameters and NTSTATUS codes. A broken IRQL rule stops the machine with a ``BugCheck``; a broken
/// reference rule is a ``VerifierReport`` and the call goes on.
///
/// A `FilterManager` is one machine: use it from one task at a time (it is not `Sendable`).
public final class FilterManager {
    /// The resource kind of contexts in the table.
    public static let contextKind: ResourceKind = "context"

    /// The table holding the contexts, and its ledger.
    public let table: HandleTable
    /// The level the next call runs at.
    public private(set) var irql: IRQL = .passive
    /// Where the next call is made (`line 7`), for reports; empty when unknown.
    public var location = ""
    /// While set, pool allocations fail: `FltAllocateContext` returns `STATUS_INSUFFICIENT_RESOURCES`.
    public var lowMemory = false
    /// The bug check that stopped the machine, if one did.
    public private(set) var bugCheck: BugCheck?
    /// Whether Driver Verifier watches the filter: pool misuse is then bug check 0xC4 at the call
    /// (`DRIVER_VERIFIER_DETECTED_VIOLATION`) instead of 0xD1 when the paged memory is touched.
    public var verifier = false

    var filter: FltObject?
    var filterUnregistered = false
    var registrations: [ContextRegistration] = []
    var objects: [FltObject: ObjectRecord] = [:]
    var objectOrder: [FltObject] = []
    var children: [FltObject: [FltObject]] = [:]
    var contexts: [Handle: ContextRecord] = [:]
    var links = LinkTable()
    var freed: [Handle: FreedContext] = [:]
    var reports: [VerifierReport] = []
    let recorder = CleanupRecorder()

    /// Creates a machine with no filter and no objects, at PASSIVE_LEVEL.
    ///
    /// - Parameters:
    ///   - name: the table's name in traces.
    ///   - ledgerCapacity: how many ledger events to keep (nil: all).
    public init(name: String = "flt", ledgerCapacity: Int? = nil) {
        table = HandleTable(name: name, ledgerCapacity: ledgerCapacity)
    }

    /// Changes the level later calls run at.
    public func setIRQL(_ level: IRQL) {
        irql = level
    }

    /// The verifier reports made since the last call to this method, oldest first.
    public func takeReports() -> [VerifierReport] {
        defer { reports.removeAll() }
        return reports
    }

    /// The cleanup callbacks run since the last call to this method, in order.
    public func takeCleanups() -> [CleanupCall] {
        recorder.take()
    }

    /// The number of context frees waiting on the work queue.
    public var queuedWorkItems: Int { table.queuedCount }

    /// The reference count of a live context (caller references plus one for a link); nil when
    /// the context is freed or queued to be freed.
    public func referenceCount(of context: FltContext) -> Int? {
        table.info(context.handle)?.referenceCount
    }

    /// The ledger name of a context (`context#3`), live or freed; nil for a value nobody allocated.
    public func name(of context: FltContext) -> String? {
        contexts[context.handle]?.name ?? freed[context.handle]?.name
    }

    /// The context attached to a target, without taking a reference; nil when none.
    public func attachedContext(on target: ContextTarget) -> FltContext? {
        guard case .success(let resolved) = resolve(target) else { return nil }
        return links[resolved.key]
    }

    /// The object a live context is attached to, and for per-instance kinds the instance; nil when unlinked.
    public func linkedObject(of context: FltContext) -> (object: FltObject, instance: FltObject?)? {
        contexts[context.handle]?.link.map { ($0.object, $0.instance) }
    }

    /// Every live context (not freed, not queued), in allocation order.
    public var liveContexts: [FltContext] {
        contexts.values.sorted { $0.serial < $1.serial }.map(\.context)
    }

    /// The caller references a live context holds beyond its link, with where each was taken.
    public func outstandingReferences(of context: FltContext) -> [String] {
        contexts[context.handle]?.references.map(\.description) ?? []
    }

    /// The registered filter, if any.
    public var filterObject: FltObject? { filter }

    /// The name an object was created with.
    public func name(of object: FltObject) -> String {
        objects[object]?.name ?? object.description
    }

    /// Whether an object has been torn down (closed, detached, dismounted, committed).
    public func isTornDown(_ object: FltObject) -> Bool {
        objects[object]?.gone ?? true
    }

    // MARK: Shared rules

    /// Throws the bug check that stopped the machine, if any.
    func ensureRunning() throws(BugCheck) {
        if let bugCheck { throw bugCheck }
    }

    /// Stops the machine with DRIVER_IRQL_NOT_LESS_OR_EQUAL.
    func stop(_ rule: String, address: UInt64 = 0) -> BugCheck {
        stop(BugCheck.irqlNotLessOrEqual(rule, at: location, address: address, irql: irql))
    }

    /// Stops the machine with a bug check.
    func stop(_ check: BugCheck) -> BugCheck {
        bugCheck = check
        return check
    }

    /// Bug checks when the current level is above a routine's documented maximum.
    func require(_ routine: String, atMost maximum: IRQL) throws(BugCheck) {
        try ensureRunning()
        guard irql <= maximum else {
            throw stop("\(routine) called at \(irql); it must be called at IRQL <= \(maximum)")
        }
    }

    /// Adds a verifier report.
    func report(_ severity: VerifierReport.Severity, _ message: String) {
        reports.append(VerifierReport(severity, message))
    }

    /// ` at line 7`, or nothing when the location is unknown.
    var atLocation: String {
        location.isEmpty ? "" : " at \(location)"
    }
}
