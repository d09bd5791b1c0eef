import ContextCore

/// A target checked against the machine's objects: its link slot and whether it is going away.
struct ResolvedTarget {
    let key: LinkKey
    let deleting: Bool
}

extension FilterManager {
    /// Checks a target's objects: wrong kinds, or a file object on another volume than the instance,
    /// give `STATUS_INVALID_PARAMETER`; a file system without stream contexts `STATUS_NOT_SUPPORTED`.
    func resolve(_ target: ContextTarget) -> Result<ResolvedTarget, NTStatus> {
        let unregistered = filterUnregistered || filter == nil
        switch target {
        case .volume(let volume):
            guard volume.kind == .volume, let record = objects[volume] else { return .failure(.invalidParameter) }
            return .success(ResolvedTarget(key: LinkKey(object: volume, instance: nil), deleting: unregistered || record.gone))
        case .instance(let instance):
            guard instance.kind == .instance, let record = objects[instance] else { return .failure(.invalidParameter) }
            return .success(ResolvedTarget(key: LinkKey(object: instance, instance: nil), deleting: record.gone))
        case .transaction(let instance, let transaction):
            guard instance.kind == .instance, let owner = objects[instance], transaction.kind == .transaction,
                let record = objects[transaction]
            else { return .failure(.invalidParameter) }
            return .success(
                ResolvedTarget(key: LinkKey(object: transaction, instance: instance), deleting: owner.gone || record.gone))
        case .file(let instance, let fileObject), .stream(let instance, let fileObject),
            .streamHandle(let instance, let fileObject):
            return resolveFileTarget(target, instance: instance, fileObject: fileObject)
        }
    }

    private func resolveFileTarget(
        _ target: ContextTarget, instance: FltObject, fileObject: FltObject
    ) -> Result<ResolvedTarget, NTStatus> {
        guard instance.kind == .instance, let owner = objects[instance], let given = objects[fileObject] else {
            return .failure(.invalidParameter)
        }
        // Walk up from what was given: handle -> stream -> file.
        var chain: [ObjectRecord] = [given]
        while let parent = chain.last?.parent, chain.last?.object.kind != .file, let record = objects[parent] {
            chain.append(record)
        }
        let wanted: FltObjectKind
        switch target {
        case .file: wanted = .file
        case .stream: wanted = .stream
        default: wanted = .streamHandle
        }
        guard [.streamHandle, .stream, .file].contains(fileObject.kind),
            let slot = chain.first(where: { $0.object.kind == wanted }),
            given.volume == owner.volume, let volume = given.volume, let volumeRecord = objects[volume]
        else { return .failure(.invalidParameter) }
        guard volumeRecord.supportsStreamContexts else { return .failure(.notSupported) }
        let deleting = owner.gone || volumeRecord.gone || chain.contains { $0.gone }
        return .success(ResolvedTarget(key: LinkKey(object: slot.object, instance: instance), deleting: deleting))
    }

    /// `FltSetXxxContext(..., Operation, NewContext, &OldContext)`.
    ///
    /// With no context on the object, `new` is linked and the link takes its own reference:
    /// `STATUS_SUCCESS`. KEEP_IF_EXISTS with one there: `STATUS_FLT_CONTEXT_ALREADY_DEFINED`, `new`
    /// untouched, and the existing context written to `old` with a reference, unless `old` is NULL.
    /// REPLACE_IF_EXISTS: `new` linked, the existing one unlinked (its link's reference dropped) and
    /// written to `old` with a reference, unless `old` is NULL. `old` is set to NULL first. `new` already linked:
    /// `STATUS_FLT_CONTEXT_ALREADY_LINKED`. Object going away: `STATUS_FLT_DELETING_OBJECT`. Wrong
    /// type for the object, bad operation, NULL or freed `new`: `STATUS_INVALID_PARAMETER`.
    public func setContext(
        on target: ContextTarget, operation: SetOperation, new: FltContext?, old: OutParameter<FltContext?>?
    ) throws(BugCheck) -> NTStatus {
        let routine = "FltSet\(target.routineStem)Context"
        try require(routine, atMost: .apc)
        old?.value = nil
        guard case .live(let record) = lookup(new, by: routine), operation.isValid else { return .invalidParameter }
        let resolved: ResolvedTarget
        switch resolve(target) {
        case .failure(let status): return status
        case .success(let found): resolved = found
        }
        guard record.type == target.contextType else { return .invalidParameter }
        guard !resolved.deleting else { return .deletingObject }
        guard record.link == nil else { return .contextAlreadyLinked }
        if let existing = links[resolved.key] {
            if operation == .keepIfExists {
                if let old {
                    addReference(to: existing, by: "\(routine) (OldContext)")
                    old.value = existing
                }
                return .contextAlreadyDefined
            }
            unlink(resolved.key, handOverTo: old == nil ? nil : "\(routine) (OldContext)", at: irql)
            link(record.context, to: resolved.key)
            old?.value = existing
            return .success
        }
        link(record.context, to: resolved.key)
        return .success
    }

    /// `FltGetXxxContext(..., &Context)`: the attached context, written to `context` with a
    /// reference the caller must release, or `STATUS_NOT_FOUND` (`context` left as it was).
    public func getContext(on target: ContextTarget, context returned: OutParameter<FltContext?>) throws(BugCheck) -> NTStatus {
        let routine = "FltGet\(target.routineStem)Context"
        try require(routine, atMost: .apc)
        switch resolve(target) {
        case .failure(let status):
            return status
        case .success(let resolved):
            guard let context = links[resolved.key] else { return .notFound }
            addReference(to: context, by: routine)
            returned.value = context
            return .success
        }
    }

    /// `FltDeleteXxxContext(..., &OldContext)`: unlinks the attached context and drops the link's
    /// reference; unless `old` is NULL the context is written to it with a reference the caller
    /// must release. None attached: `STATUS_NOT_FOUND`; object going away: `STATUS_FLT_DELETING_OBJECT`.
    public func deleteContext(on target: ContextTarget, old: OutParameter<FltContext?>?) throws(BugCheck) -> NTStatus {
        let routine = "FltDelete\(target.routineStem)Context"
        try require(routine, atMost: .apc)
        switch resolve(target) {
        case .failure(let status):
            return status
        case .success(let resolved):
            guard !resolved.deleting else { return .deletingObject }
            guard let context = links[resolved.key] else { return .notFound }
            unlink(resolved.key, handOverTo: old == nil ? nil : "\(routine) (OldContext)", at: irql)
            old?.value = context
            return .success
        }
    }

    /// `FltDeleteContext(Context)`: unlinks the context from its object and drops the link's
    /// reference (void); the caller's own reference remains. Not linked: no effect.
    public func deleteContext(_ context: FltContext?) throws(BugCheck) {
        let routine = "FltDeleteContext"
        try require(routine, atMost: .apc)
        guard case .live(let record) = checked(context, by: routine), let key = record.link else { return }
        unlink(key, at: irql)
    }

    /// `FltGetContexts(FltObjects, DesiredContexts, &Contexts)` (void): for the related objects (an
    /// instance, optionally a file object and a transaction), each desired context found is
    /// written to `contexts` with a reference; the others are NULL.
    public func getContexts(
        instance: FltObject, fileObject: FltObject?, transaction: FltObject?, desired: ContextType,
        contexts returned: OutParameter<RelatedContexts>
    ) throws(BugCheck) {
        let routine = "FltGetContexts"
        try require(routine, atMost: .apc)
        var related = RelatedContexts()
        defer { returned.value = related }
        guard instance.kind == .instance, let owner = objects[instance], let volume = owner.volume else {
            report(.violation, "\(routine)\(atLocation): FltObjects->Instance is not an instance")
            return
        }
        var targets: [ContextTarget] = [.volume(volume), .instance(instance)]
        if let fileObject {
            targets += [
                .file(instance: instance, fileObject: fileObject), .stream(instance: instance, fileObject: fileObject),
                .streamHandle(instance: instance, fileObject: fileObject),
            ]
        }
        if let transaction { targets.append(.transaction(instance: instance, transaction: transaction)) }
        for target in targets where desired.includes(target.contextType) {
            guard case .success(let resolved) = resolve(target), let context = links[resolved.key] else { continue }
            addReference(to: context, by: routine)
            related.set(context, for: target.contextType)
        }
    }

    func link(_ context: FltContext, to key: LinkKey) {
        guard (try? table.retain(context.handle, expecting: Self.contextKind)) != nil else { return }
        links[key] = context
        contexts[context.handle]?.link = key
    }
}
