/// A resource that has been freed, with the outcome of its release action.
public struct FreedResource: Sendable, CustomStringConvertible {
    /// The resource as it was just before it was freed.
    public let info: ResourceInfo
    /// The error its release action threw, if any; the resource is freed regardless.
    public let failure: (any Error)?

    /// The freed resource's name, label, size, and any failure of its release action.
    public var description: String {
        if let failure {
            return "\(info) (release action failed: \(failure))"
        }
        return info.description
    }
}

/// What a call to ``HandleTable/release(_:expecting:deferFree:)`` did.
public enum ReleaseOutcome: Sendable {
    /// The count went down and the resource lives on with this many references.
    case decremented(remaining: Int)
    /// The count reached zero and these resources were freed, children first, the resource last.
    case freed([FreedResource])
    /// The count reached zero and the free was queued on the work queue.
    case queued
}

extension ReleaseOutcome {
    /// The resources this release freed, children first; empty when nothing was freed.
    public var freed: [FreedResource] {
        if case .freed(let resources) = self { return resources }
        return []
    }

    /// The references left after the release: 0 when freed or queued.
    public var remaining: Int {
        if case .decremented(let remaining) = self { return remaining }
        return 0
    }
}
