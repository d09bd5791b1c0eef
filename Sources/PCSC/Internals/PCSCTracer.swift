/// One call into libpcsclite as a trace shows it.
public struct PCSCCall: Sendable, CustomStringConvertible {
    /// The C function's name (`SCardTransmit`).
    public let function: String
    /// The arguments, formatted for reading.
    public let arguments: String
    /// The result code: 0 for `SCARD_S_SUCCESS`.
    public let code: UInt32
    /// How long the call took, in seconds.
    public let seconds: Double

    /// The result's C name (`SCARD_S_SUCCESS`, `SCARD_E_TIMEOUT` ...).
    public var resultName: String {
        code == 0 ? "SCARD_S_SUCCESS" : PCSCError(rawValue: code).name
    }

    /// `SCardTransmit(card=3, 5 bytes) -> SCARD_S_SUCCESS 0.214 ms`.
    public var description: String {
        let millis = (seconds * 1_000_000).rounded() / 1000
        return "\(function)(\(arguments)) -> \(resultName) \(millis) ms"
    }
}

/// Receives every call into libpcsclite made through a ``ResourceManager``, for `--trace`.
public struct PCSCTracer: Sendable {
    let sink: @Sendable (PCSCCall) -> Void

    /// Creates a tracer that hands each call to `sink`.
    public init(_ sink: @escaping @Sendable (PCSCCall) -> Void) {
        self.sink = sink
    }
}
