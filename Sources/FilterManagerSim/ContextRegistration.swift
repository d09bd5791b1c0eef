/// One entry of the filter's `FLT_CONTEXT_REGISTRATION` array: which context type the filter
/// allocates, at which size, with which pool tag and cleanup callback.
public struct ContextRegistration: Sendable, Equatable, CustomStringConvertible {
    /// The context type.
    public var type: ContextType
    /// The fixed size in bytes, or nil for `FLT_VARIABLE_SIZED_CONTEXTS`.
    public var size: UInt64?
    /// The pool the filter means to allocate from. `FLT_CONTEXT_REGISTRATION` has no pool field
    /// (`FltAllocateContext` takes the pool); when set, an allocation from another pool gets a warning.
    public var pool: PoolType?
    /// The pool tag, as written (`'sctx'`); empty means the Filter Manager's default tag.
    public var tag: String
    /// The name of the cleanup callback, or nil when the filter registers none.
    public var cleanup: String?

    /// Creates a registration entry.
    public init(type: ContextType, size: UInt64?, pool: PoolType? = nil, tag: String = "", cleanup: String? = nil) {
        self.type = type
        self.size = size
        self.pool = pool
        self.tag = tag
        self.cleanup = cleanup
    }

    /// The value `FLT_VARIABLE_SIZED_CONTEXTS` has in C: `(SIZE_T)-1`.
    public static let variableSize: UInt64 = .max

    /// The word routine names use for a type: `Stream` for `FLT_STREAM_CONTEXT`.
    public static func stem(of type: ContextType) -> String {
        switch type {
        case .volume: return "Volume"
        case .instance: return "Instance"
        case .file: return "File"
        case .stream: return "Stream"
        case .streamHandle: return "StreamHandle"
        case .transaction: return "Transaction"
        case .section: return "Section"
        default: return "Unknown"
        }
    }

    /// Whether an allocation of `size` bytes can use this entry (sizes up to a fixed size fit).
    public func fits(_ size: UInt64) -> Bool {
        guard let fixed = self.size else { return true }
        return size <= fixed
    }

    /// `FLT_STREAM_CONTEXT 64 NonPagedPool 'sctx' cleanup StreamCleanup`.
    public var description: String {
        var text = "\(type) " + (size.map(String.init) ?? "FLT_VARIABLE_SIZED_CONTEXTS")
        if let pool { text += " \(pool)" }
        if !tag.isEmpty { text += " '\(tag)'" }
        text += " cleanup " + (cleanup ?? "NULL")
        return text
    }
}
