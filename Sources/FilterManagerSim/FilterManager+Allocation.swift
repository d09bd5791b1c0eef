import ContextCore

extension FilterManager {
    /// `FltAllocateContext(Filter, ContextType, ContextSize, PoolType, &ReturnedContext)`: a new,
    /// unlinked context with a reference count of 1 that the caller must release, written to
    /// `context` (left as it was when the call fails).
    ///
    /// Outcomes, in the order they are checked: above APC_LEVEL a bug check (0xC4 with Parameter 1
    /// `0x01` under Driver Verifier for a PagedPool context, else 0xD1); not the filter
    /// `STATUS_INVALID_PARAMETER`; filter unregistered `STATUS_FLT_DELETING_OBJECT`; bad type, size
    /// 0 or bad pool `STATUS_INVALID_PARAMETER`; size above 0xFFFF `STATUS_INVALID_BUFFER_SIZE`; no
    /// registration of the type that fits the size `STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND`; low
    /// memory `STATUS_INSUFFICIENT_RESOURCES`. A volume context from paged pool is allowed with a
    /// verifier warning.
    public func allocateContext(
        filter: FltObject?, type: ContextType, size: UInt64, pool: PoolType, context returned: OutParameter<FltContext?>
    ) throws(BugCheck) -> NTStatus {
        let routine = "FltAllocateContext"
        try ensureRunning()
        if verifier, pool.isPaged, irql > .apc {
            throw stop(
                .verifierViolation(
                    0x01, "\(routine) from PagedPool at \(irql): paged pool must be allocated at IRQL <= APC_LEVEL",
                    at: location, irql: irql, pool: pool, last: size))
        }
        try require(routine, atMost: .apc)
        guard let filter, filter == self.filter else { return .invalidParameter }
        guard !filterUnregistered else { return .deletingObject }
        guard type.isValid, size > 0, pool.isValid else { return .invalidParameter }
        guard size <= 0xFFFF else { return .invalidBufferSize }
        guard let registration = registrations.first(where: { $0.type == type && $0.fits(size) }) else {
            return .contextAllocationNotFound
        }
        guard !lowMemory else { return .insufficientResources }
        let recorder = self.recorder
        let cleanup = registration.cleanup
        let handle: Handle
        do {
            handle = try table.allocate(
                Self.contextKind, label: "\(type) \(pool)", bytes: Int(size),
                onFree: { info in
                    recorder.record(FltContext(info.handle), name: info.name, type: type, callback: cleanup)
                })
        } catch {
            return .insufficientResources
        }
        let context = FltContext(handle)
        let info = table.info(handle)
        contexts[handle] = ContextRecord(
            context: context, serial: info?.serial ?? 0, name: info?.name ?? "context", type: type, pool: pool,
            size: size, link: nil, references: [ReferenceOrigin(routine: routine, location: location)])
        let name = info?.name ?? "the context"
        if type == .volume && pool.isPaged {
            report(.warning, "\(routine)\(atLocation): volume context \(name) from PagedPool; the documentation asks for NonPagedPool")
        } else if let wanted = registration.pool, wanted != pool {
            report(.warning, "\(routine)\(atLocation): \(name) from \(pool), registered for \(wanted)")
        }
        returned.value = context
        return .success
    }

    /// `FltReferenceContext(Context)`: adds a reference the caller must release (void).
    ///
    /// IRQL <= DISPATCH_LEVEL for any context, paged or not (its DDI page sets no paged-pool limit,
    /// unlike FltReleaseContext's: taking a reference frees nothing). Above DISPATCH_LEVEL is a bug
    /// check; a freed context is a verifier report.
    public func referenceContext(_ context: FltContext?) throws(BugCheck) {
        let routine = "FltReferenceContext"
        try require(routine, atMost: .dispatch)
        guard case .live(let record) = checked(context, by: routine) else { return }
        addReference(to: record.context, by: routine)
    }

    /// `FltReleaseContext(Context)`: drops one reference (void). At zero the cleanup callback runs,
    /// then the context is freed: at once at IRQL <= APC_LEVEL; at DISPATCH_LEVEL (nonpaged
    /// contexts only) a work item is queued that does both later, at PASSIVE_LEVEL.
    ///
    /// A paged context released at DISPATCH_LEVEL, or any release above DISPATCH_LEVEL, is bug check
    /// 0xD1. A freed context, NULL, or a release of the reference that the context's link holds
    /// (more releases than references) is a verifier report; the last also unlinks the context.
    public func releaseContext(_ context: FltContext?) throws(BugCheck) {
        try release(context, by: "FltReleaseContext")
    }

    /// `FltReleaseContexts(&Contexts)`: releases each non-NULL member of the structure, in field order.
    public func releaseContexts(_ related: RelatedContexts) throws(BugCheck) {
        try require("FltReleaseContexts", atMost: .dispatch)
        for member in related.members {
            guard let context = member.context else { continue }
            try release(context, by: "FltReleaseContexts")
        }
    }

    func release(_ context: FltContext?, by routine: String) throws(BugCheck) {
        try require(routine, atMost: .dispatch)
        guard case .live(let record) = checked(context, by: routine) else { return }
        try requirePoolRule(record, routine: routine, action: "released")
        if contexts[record.context.handle]?.references.popLast() == nil, let link = record.link {
            let object = name(of: link.object)
            report(
                .violation,
                "\(routine)\(atLocation) released the reference held by the link of \(record.name) to the \(link.object.kind) \(object): more releases than references; the context is unlinked"
            )
            links[link] = nil
            contexts[record.context.handle]?.link = nil
        }
        dropReference(record.context, at: irql)
    }

    /// A context argument that must not be NULL: NULL is reported, like a freed context.
    func checked(_ context: FltContext?, by routine: String) -> ContextLookup {
        let found = lookup(context, by: routine)
        if case .null = found {
            report(.violation, "\(routine)\(atLocation) called with a NULL context")
        }
        return found
    }

    /// Bug checks when a paged context is released at DISPATCH_LEVEL: 0xC4 with Parameter 1 `0x11`
    /// (paged pool freed above APC_LEVEL) under Driver Verifier, else 0xD1 naming the context.
    func requirePoolRule(_ record: ContextRecord, routine: String, action: String) throws(BugCheck) {
        guard record.pool.isPaged, irql >= .dispatch else { return }
        let rule = "\(routine) of \(record.name) from PagedPool at \(irql): a paged context must be \(action) at IRQL <= APC_LEVEL"
        if verifier {
            throw stop(.verifierViolation(0x11, rule, at: location, irql: irql, pool: record.pool, last: record.context.rawValue))
        }
        throw stop(rule, address: record.context.rawValue)
    }
}
