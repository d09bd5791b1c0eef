/// One command and its response as they went over the wire.
public struct WireExchange: Sendable, Hashable {
    /// The bytes sent.
    public let command: [UInt8]
    /// The bytes received.
    public let response: [UInt8]
    /// How long the exchange took, in seconds.
    public let seconds: Double
}

/// A logical exchange: the command asked for, the final response, and every wire exchange it took
/// (more than one when T=0 `61xx` or `6Cxx` answers were handled).
public struct Exchange: Sendable, Hashable {
    /// The command as given.
    public let command: CommandAPDU
    /// The response the caller sees (data gathered over GET RESPONSEs, then the last status word).
    public let response: ResponseAPDU
    /// The wire exchanges, in order.
    public let wire: [WireExchange]
    /// How long the whole exchange took, in seconds.
    public let seconds: Double
}

/// How the transmit path treats T=0 procedure answers.
public struct TransmitOptions: Sendable, Hashable {
    /// On `61xx`, send GET RESPONSE until all data is fetched.
    public var getResponse: Bool
    /// On `6Cxx`, resend the command with Le = xx.
    public var fixLe: Bool

    /// Creates options; both default to on.
    public init(getResponse: Bool = true, fixLe: Bool = true) {
        self.getResponse = getResponse
        self.fixLe = fixLe
    }
}
