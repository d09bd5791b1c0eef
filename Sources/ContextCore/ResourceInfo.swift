/// A snapshot of one resource in a ``HandleTable``.
public struct ResourceInfo: Sendable, CustomStringConvertible {
    /// The resource's handle.
    public let handle: Handle
    /// A number unique within the table, in allocation order, used to name the resource (`card#3`).
    public let serial: Int
    /// The resource's kind.
    public let kind: ResourceKind
    /// The resource's owner, if it has one.
    public let owner: Handle?
    /// A short description given by the provider (a reader name, a buffer's purpose).
    public let label: String
    /// The size in bytes the resource holds, when that means something (buffers), else 0.
    public let bytes: Int
    /// The current reference count.
    public let referenceCount: Int
    /// The value the provider attached to the resource.
    public let payload: (any Sendable)?

    /// The resource's name in ledgers: kind and serial, as in `card#3`.
    public var name: String { "\(kind)#\(serial)" }

    /// The name, the label and the size, as a ledger line shows them.
    public var description: String {
        var text = name
        if !label.isEmpty { text += " \(label)" }
        if bytes > 0 { text += " (\(bytes) bytes)" }
        return text
    }
}
