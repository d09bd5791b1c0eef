import ContextCore

/// What a context argument turned out to be.
enum ContextLookup {
    /// A live context.
    case live(ContextRecord)
    /// NULL.
    case null
    /// A freed context or a value that is no context; a verifier report was made.
    case invalid
}

extension FilterManager {
    /// Looks a context argument up; a freed context or a stray value is reported as a verifier
    /// violation naming the routine (the core records the stale use in the ledger).
    func lookup(_ context: FltContext?, by routine: String) -> ContextLookup {
        guard let context else { return .null }
        do {
            try table.validate(context.handle, expecting: Self.contextKind)
        } catch {
            switch error {
            case .stale:
                let gone = freed[context.handle]
                let name = gone?.name ?? "context \(context)"
                let when = gone.map { " (\($0.when))" } ?? ""
                report(.violation, "use of freed context \(name) by \(routine)\(atLocation)\(when)")
            case .unknown, .wrongKind:
                report(.violation, "\(routine)\(atLocation): \(context) is not a context")
            }
            return .invalid
        }
        guard let record = contexts[context.handle] else {
            report(.violation, "\(routine)\(atLocation): \(context) is not a context")
            return .invalid
        }
        return .live(record)
    }

    /// Adds a caller reference, remembering who took it.
    func addReference(to context: FltContext, by routine: String) {
        guard (try? table.retain(context.handle, expecting: Self.contextKind)) != nil else { return }
        contexts[context.handle]?.references.append(ReferenceOrigin(routine: routine, location: location))
    }

    /// Drops one reference of the core's count at `level`: at DISPATCH_LEVEL a free is queued as a
    /// work item, below it the cleanup callback runs and the context is freed at once.
    func dropReference(_ context: FltContext, at level: IRQL) {
        recorder.setMode(irql: level, inWorkItem: false)
        let outcome = try? table.release(context.handle, expecting: Self.contextKind, deferFree: level >= .dispatch)
        switch outcome {
        case .freed?:
            retire(context, note: "freed\(atLocation)")
        case .queued?:
            retire(context, note: "released\(atLocation) at \(level), free queued as a work item")
        case .decremented?, nil:
            break
        }
    }

    /// Forgets a context the table freed or queued; later uses are reported with `note`.
    func retire(_ context: FltContext, note: String) {
        guard let record = contexts.removeValue(forKey: context.handle) else { return }
        if let link = record.link, links[link] == context {
            links[link] = nil
        }
        freed[context.handle] = FreedContext(name: record.name, when: note)
    }

    /// Unlinks a context from its object and drops the link's reference at PASSIVE_LEVEL or the
    /// current level; `handOver` first gives the caller a reference (the `OldContext` of a set or delete).
    func unlink(_ key: LinkKey, handOverTo routine: String? = nil, at level: IRQL) {
        guard let context = links.removeValue(forKey: key) else { return }
        contexts[context.handle]?.link = nil
        if let routine {
            addReference(to: context, by: routine)
        }
        dropReference(context, at: level)
    }
}
