import ContextCore

/// A client's binding handle (`RPC_BINDING_HANDLE`): the opaque non-zero value a caller holds for
/// its binding to the server. NULL is written as `nil` (`RPCBindingHandle?`).
public struct RPCBindingHandle: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The opaque value, as a C caller would hold it.
    public let rawValue: UInt64

    /// Wraps a value; nil for 0, which is NULL. Any other value is accepted and checked on use.
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

    /// The value in hex, `0x100000001`.
    public var description: String { "0x" + String(rawValue, radix: 16, uppercase: true) }
}
