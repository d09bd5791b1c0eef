/// An NTSTATUS code as the Filter Manager routines return it, with the C name of every code the
/// simulator produces.
public struct NTStatus: RawRepresentable, Hashable, Sendable, Error, CustomStringConvertible {
    /// The 32-bit code.
    public let rawValue: UInt32

    /// Creates a status from its 32-bit code.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The call succeeded. The corresponding C code is `STATUS_SUCCESS`.
    public static let success = NTStatus(rawValue: 0)
    /// An argument was invalid (a bad type, size, operation or object). The C code is `STATUS_INVALID_PARAMETER`.
    public static let invalidParameter = NTStatus(rawValue: 0xC000_000D)
    /// The pool allocation failed. The C code is `STATUS_INSUFFICIENT_RESOURCES`.
    public static let insufficientResources = NTStatus(rawValue: 0xC000_009A)
    /// The file system does not support this kind of context. The C code is `STATUS_NOT_SUPPORTED`.
    public static let notSupported = NTStatus(rawValue: 0xC000_00BB)
    /// The context size is above 0xFFFF. The C code is `STATUS_INVALID_BUFFER_SIZE`.
    public static let invalidBufferSize = NTStatus(rawValue: 0xC000_0206)
    /// No context is attached to the object. The C code is `STATUS_NOT_FOUND`.
    public static let notFound = NTStatus(rawValue: 0xC000_0225)
    /// KEEP_IF_EXISTS found a context already attached. The C code is `STATUS_FLT_CONTEXT_ALREADY_DEFINED`.
    public static let contextAlreadyDefined = NTStatus(rawValue: 0xC01C_0002)
    /// The filter or object is being torn down. The C code is `STATUS_FLT_DELETING_OBJECT`.
    public static let deletingObject = NTStatus(rawValue: 0xC01C_000B)
    /// No registration matches the context type and size. The C code is `STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND`.
    public static let contextAllocationNotFound = NTStatus(rawValue: 0xC01C_0016)
    /// A context registration entry is invalid. The C code is `STATUS_FLT_INVALID_CONTEXT_REGISTRATION`.
    public static let invalidContextRegistration = NTStatus(rawValue: 0xC01C_0017)
    /// The new context is already attached to an object. The C code is `STATUS_FLT_CONTEXT_ALREADY_LINKED`.
    public static let contextAlreadyLinked = NTStatus(rawValue: 0xC01C_001C)

    /// Every status the simulator returns, with its C name.
    public static let named: [(name: String, status: NTStatus)] = [
        ("STATUS_SUCCESS", .success),
        ("STATUS_INVALID_PARAMETER", .invalidParameter),
        ("STATUS_INSUFFICIENT_RESOURCES", .insufficientResources),
        ("STATUS_NOT_SUPPORTED", .notSupported),
        ("STATUS_INVALID_BUFFER_SIZE", .invalidBufferSize),
        ("STATUS_NOT_FOUND", .notFound),
        ("STATUS_FLT_CONTEXT_ALREADY_DEFINED", .contextAlreadyDefined),
        ("STATUS_FLT_DELETING_OBJECT", .deletingObject),
        ("STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND", .contextAllocationNotFound),
        ("STATUS_FLT_INVALID_CONTEXT_REGISTRATION", .invalidContextRegistration),
        ("STATUS_FLT_CONTEXT_ALREADY_LINKED", .contextAlreadyLinked),
    ]

    /// The C name of the code, when it is one the simulator knows.
    public var name: String? {
        Self.named.first { $0.status == self }?.name
    }

    /// Whether the code is a success code (severity bits 00 or 01).
    public var isSuccess: Bool { rawValue < 0x8000_0000 }

    /// The value as eight hex digits: `0xC01C0002`.
    public var hexValue: String {
        let digits = String(rawValue, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// The name and the value: `STATUS_FLT_CONTEXT_ALREADY_DEFINED (0xC01C0002)`.
    public var description: String {
        "\(name ?? "NTSTATUS") (\(hexValue))"
    }
}
