/// The opaque non-zero integer a provider hands its callers for a resource (`HCRYPTPROV`,
/// `PFLT_CONTEXT`, `RPC_BINDING_HANDLE`, a context handle), typed by a `Tag` so that handles of
/// different kinds cannot be mixed up in Swift. NULL is `nil` (`OpaqueHandle<Tag>?`).
///
/// Any non-zero value is accepted and checked on use: a value nobody issued decodes to a handle its
/// table reports as unknown or stale, never a crash.
public struct OpaqueHandle<Tag>: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The opaque value, as a C caller would hold it.
    public let rawValue: UInt64

    /// Wraps a value; nil for 0, which is NULL.
    public init?(rawValue: UInt64) {
        guard rawValue != 0 else { return nil }
        self.rawValue = rawValue
    }

    /// Wraps a handle of a table.
    public init(_ handle: Handle) {
        self.rawValue = handle.rawValue
    }

    /// The table handle the value names. Every value names one: a value whose low 32 bits are zero
    /// names a slot no table has, so a table reports it as unknown.
    public var handle: Handle {
        Handle(slot: UInt32(truncatingIfNeeded: rawValue) &- 1, generation: UInt32(truncatingIfNeeded: rawValue >> 32))
    }

    /// The value in hex, `0x100000001`.
    public var description: String { "0x" + String(rawValue, radix: 16, uppercase: true) }
}
