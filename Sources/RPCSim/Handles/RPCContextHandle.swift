import ContextCore

/// A client context handle: the opaque non-zero value the client stub gives the caller for a
/// context the server opened. NULL is written as `nil` (`RPCContextHandle?`).
public struct RPCContextHandle: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The opaque value, as a C caller would hold it.
    public let rawValue: UInt64

    /// Wraps a value; nil for 0, which is NULL. Any other value is accepted and checked on use, so a
    /// value nobody issued is an invalid handle, never a crash.
    public init?(rawValue: UInt64) {
        guard rawValue != 0 else { return nil }
        self.rawValue = rawValue
    }

    /// Wraps a handle of the client's table.
    init(_ handle: Handle) {
        self.rawValue = handle.rawValue
    }

    /// The table handle the value decodes to, or nil when it decodes to none.
    var handle: Handle? { Handle(rawValue: rawValue) }

    /// The value in hex, `0x100000002`.
    public var description: String { "0x" + String(rawValue, radix: 16, uppercase: true) }
}
