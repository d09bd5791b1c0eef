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
    /// The `Flags` member: 0 or ``noExactSizeMatch``.
    public var flags: UInt32
    /// The name of the `ContextAllocateCallback`, or nil (the Filter Manager allocates from its pool).
    public var allocateCallback: String?
    /// The name of the `ContextFreeCallback`, or nil.
    public var freeCallback: String?

    /// Creates a registration entry.
    public init(
        type: ContextType, size: UInt64?, pool: PoolType? = nil, tag: String = "", cleanup: String? = nil,
        flags: UInt32 = 0, allocateCallback: String? = nil, freeCallback: String? = nil
    ) {
        self.type = type
        self.size = size
        self.pool = pool
        self.tag = tag
        self.cleanup = cleanup
        self.flags = flags
        self.allocateCallback = allocateCallback
        self.freeCallback = freeCallback
    }

    /// The value `FLT_VARIABLE_SIZED_CONTEXTS` has in C: `(SIZE_T)-1`.
    public static let variableSize: UInt64 = .max

    /// A fixed-size entry serves any allocation up to its size, not only its exact size. The C name
    /// is `FLTFL_CONTEXT_REGISTRATION_NO_EXACT_SIZE_MATCH`.
    public static let noExactSizeMatch: UInt32 = 0x1

    /// Whether `FltRegisterFilter` accepts the entry: a valid type, and a pool tag unless the filter
    /// allocates its contexts itself (`ContextAllocateCallback`); the FLT_CONTEXT_REGISTRATION page
    /// says the tag is required then, and ReactOS's `FltpRegisterContexts` refuses a zero tag.
    public var isValid: Bool {
        type.isValid && (!tag.isEmpty || allocateCallback != nil)
    }

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

    /// Whether an allocation of `size` bytes can use this entry: any size for a variable-size entry;
    /// the exact size for a fixed one, or up to it with ``noExactSizeMatch``.
    public func fits(_ size: UInt64) -> Bool {
        guard let fixed = self.size else { return true }
        return flags & Self.noExactSizeMatch != 0 ? size <= fixed : size == fixed
    }

    /// `FLT_STREAM_CONTEXT 64 NonPagedPool 'sctx' cleanup StreamCleanup`.
    public var description: String {
        var text = "\(type) " + (size.map(String.init) ?? "FLT_VARIABLE_SIZED_CONTEXTS")
        if let pool { text += " \(pool)" }
        text += tag.isEmpty ? " 0" : " '\(tag)'"
        text += " cleanup " + (cleanup ?? "NULL")
        if flags & Self.noExactSizeMatch != 0 { text += " FLTFL_CONTEXT_REGISTRATION_NO_EXACT_SIZE_MATCH" }
        if let allocateCallback { text += " allocate \(allocateCallback)" }
        if let freeCallback { text += " free \(freeCallback)" }
        return text
    }
}
