/// One entry of a ``Ledger``: something that happened to a resource.
public struct LedgerEvent: Sendable, CustomStringConvertible {
    /// What happened.
    public enum Action: String, Sendable, CaseIterable {
        /// The resource was created with a reference count of 1.
        case allocate
        /// A reference was added.
        case retain
        /// A reference was dropped and the resource lives on.
        case release
        /// The resource's free was put on the work queue.
        case queued
        /// The resource was freed and its handle became stale.
        case free
        /// A stale handle was presented and refused.
        case staleUse = "stale-use"
    }

    /// The event's position in the ledger, from 1.
    public let sequence: Int
    /// What happened.
    public let action: Action
    /// The resource's handle.
    public let handle: Handle
    /// The resource's name (`card#3`).
    public let name: String
    /// The resource's kind.
    public let kind: ResourceKind
    /// The resource's label.
    public let label: String
    /// The resource's size in bytes, or 0.
    public let bytes: Int
    /// The reference count after the event.
    public let referenceCount: Int
    /// Extra words, such as the failure of a release action.
    public let note: String

    /// The event as a ledger line: `free buffer#2 reader list (64 bytes)`.
    public var description: String {
        var text = "\(action.rawValue) \(name)"
        if !label.isEmpty { text += " \(label)" }
        if bytes > 0 { text += " (\(bytes) bytes)" }
        switch action {
        case .retain, .release: text += " count=\(referenceCount)"
        default: break
        }
        if !note.isEmpty { text += " [\(note)]" }
        return text
    }
}
